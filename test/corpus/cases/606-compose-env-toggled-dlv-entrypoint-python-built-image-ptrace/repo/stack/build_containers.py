import subprocess, sys
from pathlib import Path

def build(name: str) -> None:
    ctx = Path(__file__).parent / "container-build" / f"acme-{name}"
    subprocess.run(["docker", "build", "-t", f"acme/{name}:local", str(ctx)], check=True)

if __name__ == "__main__":
    for n in sys.argv[1:]:
        build(n)
