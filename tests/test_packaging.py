"""A non-editable install (`pip install .`, pipx) carries everything it needs, the default config included."""

import os
import subprocess
import sys
import zipfile

from bot.config import PROJECT_ROOT


def test_wheel_carries_the_default_config_and_every_package(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(PROJECT_ROOT), "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path / "dist")], check=True, capture_output=True, timeout=300)
    (wheel,) = (tmp_path / "dist").glob("article_bot-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        assert {"bot/default.toml", "bot/discord/client.py", "retrieval/qa/onnx_encoder.py"} <= names
        shipped = z.read("bot/default.toml").decode()
        z.extractall(tmp_path / "site")
    assert shipped == (PROJECT_ROOT / "config" / "default.toml").read_text()
    work = tmp_path / "elsewhere"
    work.mkdir()
    seed = next((PROJECT_ROOT / "seeds").glob("*.txt"))
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "site"))
    about = subprocess.run([sys.executable, "-m", "bot.cli", "--article", str(seed), "about"], cwd=work, env=env,
                           capture_output=True, text=True, timeout=60)
    assert about.returncode == 0, about.stderr
    assert about.stdout.startswith("Biden, Putin Warn")
    missing = subprocess.run([sys.executable, "-m", "bot.cli", "about"], cwd=work, env=env, capture_output=True,
                             text=True, timeout=60)
    assert missing.returncode == 3 and str(work / "seeds") in missing.stderr, "relative paths follow the folder"
