"""The windows. Each page or dialog is handed the services it needs from `app`."""
