import stat, os
m = os.stat("/").st_mode
print(stat.S_ISDIR(m), stat.S_ISREG(m), stat.filemode(0o100644), stat.filemode(0o40755), stat.S_IMODE(0o100644))
print(stat.S_IFMT(0o100644) == stat.S_IFREG, stat.ST_MODE, stat.S_IRWXU, stat.UF_HIDDEN if hasattr(stat, "UF_HIDDEN") else None)
