"""The app's screens (one per mode) and its modal dialogs."""
