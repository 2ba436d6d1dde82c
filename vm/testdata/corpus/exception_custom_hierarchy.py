class AppError(Exception):
    def __init__(self, msg, code=0):
        super().__init__(msg)
        self.code = code
class NotFound(AppError): pass
class Forbidden(AppError):
    def __str__(self): return f"forbidden({self.code})"
errors = [NotFound("missing", 404), Forbidden("no", 403), AppError("generic")]
for err in errors:
    try:
        raise err
    except NotFound as e:
        print("NotFound", e, e.code)
    except AppError as e:
        print("AppError", type(e).__name__, e, e.code)
print(repr(Forbidden("x", 1)), Forbidden("y", 2).args)
try:
    raise NotFound("deep") from KeyError("k")
except AppError as e:
    print(repr(e.__cause__), e.__suppress_context__)
