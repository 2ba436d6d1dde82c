import pathlib
p = pathlib.PurePosixPath("/a/b/c.tar.gz")
print(p.name, p.suffix, p.suffixes, p.stem, p.parent, p.parts, p.with_suffix(".zip"), p / "d", p.relative_to("/a"))
print(pathlib.PurePosixPath("a/b").match("*/b"), pathlib.PurePath("x", "y").as_posix())
import os
d = pathlib.Path("/tmp") / ("gopyc_pl_%d" % os.getpid()); d.mkdir()
(d / "f.txt").write_text("hi"); print((d / "f.txt").read_text(), sorted(x.name for x in d.iterdir()), (d / "f.txt").exists())
(d / "f.txt").unlink(); d.rmdir(); print(d.exists())
