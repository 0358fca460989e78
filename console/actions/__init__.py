"""Operator actions: typed requests, guard rails, the audit trail."""
