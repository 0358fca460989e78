"""Qt widgets of the console: panels and charts that take a core model and show it."""
