import subprocess
r = subprocess.run(["echo", "hi"], capture_output=True, text=True); print(r.returncode, repr(r.stdout))
