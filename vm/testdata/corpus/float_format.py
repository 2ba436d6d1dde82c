x = 1234.5678
print(f"{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:^12.2f}|{x:+.1e}|{x:g}|{x:%}")
print(f"{x:,.2f}|{x:_.1f}|{1e-7:g}|{1e20:g}|{0.0001:g}|{123456789.0:g}")
print(f"{3.0:g}|{3.0:.0f}|{2.5:.0f}|{3.5:.0f}|{-0.0:.1f}|{1e100:.3e}")
print("%.3f %e %g %10.2f %-10.2f| %+f" % (x, x, x, x, x, x))
print(format(0.1, ".17g"), format(1/3, ".5"), format(100.0, ".3"), format(1.0, "n"))
print(f"{float('inf'):f} {float('nan'):F} {float('-inf'):e}")
print(f"{12.5:08.2f} {-12.5:08.2f} {12.5:=+9.2f}")
