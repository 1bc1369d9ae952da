"""Stage 6: the web UI and JSON API over a store (`newsgraph serve`); FastAPI, kept thin.

::

    app = create_app(db="sqlite:///news.db")   # then: uvicorn.run(app)

`app.py` builds the app and holds the one error handler, `deps.py` what routes depend on,
`routes/api.py` the JSON routes, `routes/pages.py` the HTML pages, `render.py` and `views.py`
turn a result into what the pages show.
"""

from newsgraph.api.app import create_app

__all__ = ["create_app"]
