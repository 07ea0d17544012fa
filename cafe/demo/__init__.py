"""The demo and rehearsal: simulated participants on an accelerated clock."""
