# unittest's assertRaises/assertRaisesRegex/assertWarns context managers (3.11.7 clears the
# traceback's frames with frame.clear()), and frame.clear() itself.
import io
import sys
import unittest
import warnings


class T(unittest.TestCase):
    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        print("caught", type(cm.exception).__name__)

    def test_raises_regex(self):
        with self.assertRaisesRegex(ValueError, "bad"):
            raise ValueError("bad thing")

    def test_raises_wrong(self):
        with self.assertRaises(KeyError):
            raise IndexError("other")

    def test_warns(self):
        with self.assertWarns(DeprecationWarning):
            warnings.warn("old", DeprecationWarning)

    def test_fail(self):
        self.assertEqual(1, 2)


suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
result = unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)
print("run", result.testsRun, "failures", len(result.failures), "errors", len(result.errors))
for test, tb in result.errors + result.failures:
    print(test.id(), tb.strip().splitlines()[-1])


def f():
    local = [1, 2, 3]
    return sys._getframe()


fr = f()
print(fr.clear(), fr.f_locals)
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError", e)


def g():
    try:
        yield 1
    finally:
        print("generator closed by frame.clear")


gen = g()
next(gen)
gen.gi_frame.clear()
print(gen.gi_frame, list(gen))
