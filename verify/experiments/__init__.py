"""Experiments: simulated and real SGD, Dom-SGD and Bulk-SGD against the theory's predictions, and figures."""
