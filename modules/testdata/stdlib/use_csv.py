import csv, io
s = io.StringIO(); w = csv.writer(s); w.writerow(["a", "b,c", 'd"e']); w.writerow([1, 2, 3]); print(repr(s.getvalue()))
print(list(csv.reader(io.StringIO(s.getvalue()))), list(csv.DictReader(io.StringIO("x,y\n1,2\n"))))
