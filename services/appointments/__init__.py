"""Appointment requests: the visitor's form, the intake team's admin, notifications and the
encryption that keeps requests private at rest. The models live in services.models.appointments."""
