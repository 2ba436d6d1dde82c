import unittest, io
class T(unittest.TestCase):
    def test_ok(self): self.assertEqual(1 + 1, 2)
    def test_fail(self): self.assertIn(3, [1, 2])
    @unittest.skip("why")
    def test_skip(self): pass
s = io.StringIO()
r = unittest.TextTestRunner(stream=s, verbosity=0).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
print(r.testsRun, len(r.failures), len(r.skipped), r.wasSuccessful())
