import debugpy

debugpy.listen(("0.0.0.0", 3000))
debugpy.wait_for_client()
import app.__main__  # noqa: E402,F401
