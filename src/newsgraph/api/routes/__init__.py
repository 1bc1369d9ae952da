"""Routes: `api` (JSON under /api and POST /extract) and `pages` (the web UI)."""
