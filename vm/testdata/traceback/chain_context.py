class Resource:
    def close(self):
        raise OSError("close failed")
r = Resource()
try:
    {}["k"]
finally:
    r.close()
