class AppError(Exception):
    pass
raise AppError("custom failure", 42)
