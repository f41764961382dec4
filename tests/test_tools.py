"""tools/execute_notebooks.py: which stderr lines leave the stored outputs, and which notebooks a name picks."""

import importlib.util
from pathlib import Path

import nbformat
import pytest

TOOL = Path(__file__).resolve().parent.parent / "tools" / "execute_notebooks.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("execute_notebooks", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


START_UP = [  # what TensorFlow 2.21 prints on stderr when it starts (CPU machine), and lines of older versions
    "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\n",
    "I0000 00:00:1796198553.456372   10310 port.cc:153] oneDNN custom operations are on. You may see slightly "
    "different numerical results. To turn them off, set the environment variable `TF_ENABLE_ONEDNN_OPTS=0`.\n",
    "I0000 00:00:1796198553.456805   10310 cudart_stub.cc:31] Could not find cuda drivers on your machine, "
    "GPU will not be used.\n",
    "I0000 00:00:1796198553.526379   10310 cpu_feature_guard.cc:227] This TensorFlow binary is optimized to use "
    "available CPU instructions in performance-critical operations.\n",
    "To enable the following instructions: AVX2 FMA, in other operations, rebuild TensorFlow with the "
    "appropriate compiler flags.\n",
    "E0000 00:00:1796198559.125645   10310 cuda_platform.cc:52] failed call to cuInit: INTERNAL: CUDA error: "
    "Failed call to cuInit: UNKNOWN ERROR (303)\n",
    "E0000 00:00:1733123456.123456   4242 cuda_dnn.cc:8310] Unable to register cuDNN factory: Attempting to "
    "register factory for plugin cuDNN when one has already been registered\n",
    "E0000 00:00:1733123456.123457   4242 cuda_blas.cc:1418] Unable to register cuBLAS factory: Attempting to "
    "register factory for plugin cuBLAS when one has already been registered\n",
    "W0000 00:00:1733123456.123458   4242 computation_placer.cc:177] computation placer already registered. "
    "Please check linkage and avoid linking the same target more than once.\n",
    "2024-12-02 07:00:00.123456: I tensorflow/core/util/port.cc:113] oneDNN custom operations are on.\n",
    "2024-12-02 07:00:00.223456: E external/local_xla/xla/stream_executor/cuda/cuda_fft.cc:607] Unable to "
    "register cuFFT factory: Attempting to register factory for plugin cuFFT when one has already been registered\n",
    "2024-12-02 07:00:01.123456: W tensorflow/compiler/tf2tensorrt/utils/py_utils.cc:38] TF-TRT Warning: "
    "Could not find TensorRT\n",
    "\n",
    "   \n",
]
KEPT = [  # real trouble, and ordinary warnings: they stay, even when they mention CUDA
    "E0000 00:00:1796198600.000001   10310 cuda_driver.cc:1070] failed to allocate 2.00G (2147483648 bytes) "
    "from device: CUDA_ERROR_OUT_OF_MEMORY: out of memory\n",
    "2024-12-02 07:05:00.123456: W tensorflow/core/common_runtime/bfc_allocator.cc:482] Allocator (GPU_0_bfc) "
    "ran out of memory trying to allocate 1.00GiB (rounded to 1073741824)\n",
    "W0000 00:00:1796198600.000002   10310 cuda_executor.cc:1040] cuDNN version mismatch\n",
    "/usr/lib/python3/site-packages/keras/src/layers/rnn/rnn.py:200: UserWarning: Do not pass an `input_shape`\n",
    "ResourceExhaustedError: OOM when allocating tensor on /job:localhost/device:GPU:0 by allocator GPU_0_bfc\n",
]


def fake_notebook():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# a notebook"),
        nbformat.v4.new_code_cell("import lstm_helpers", outputs=[
            nbformat.v4.new_output("stream", name="stderr", text="".join(START_UP))]),
        nbformat.v4.new_code_cell("train()", outputs=[
            nbformat.v4.new_output("stream", name="stdout", text="epoch 1\n\nepoch 2\n"),
            nbformat.v4.new_output("stream", name="stderr", text="".join(START_UP[:3] + KEPT + START_UP[5:8])),
            nbformat.v4.new_output("execute_result", data={"text/plain": "0.85"}, execution_count=2)]),
    ]
    return nb


def test_strip_noise_removes_tensorflows_start_up_lines_and_keeps_real_errors(tool):
    nb = fake_notebook()
    removed = tool.strip_noise(nb)
    assert removed == len(START_UP) + 6
    assert nb.cells[1].outputs == []                          # only start-up lines: the output goes
    stdout, stderr, result = nb.cells[2].outputs             # stdout (blank line included) and results untouched
    assert stdout.text == "epoch 1\n\nepoch 2\n" and result.data == {"text/plain": "0.85"}
    assert stderr.text == "".join(KEPT)
    assert nb.cells[0].source == "# a notebook"


@pytest.mark.parametrize("line", START_UP)
def test_every_start_up_line_is_noise(tool, line):
    assert tool.NOISE.search(line)


@pytest.mark.parametrize("line", KEPT)
def test_no_real_error_is_noise(tool, line):
    assert not tool.NOISE.search(line)


def test_select_picks_notebooks_by_prefix_in_both_languages(tool, tmp_path, monkeypatch):
    for lang in ("ko", "en"):
        (tmp_path / lang).mkdir()
        for stem in ("01_rnn", "05_imdb_lstm", "06_going_further"):
            (tmp_path / lang / f"{stem}.ipynb").write_text("{}")
    monkeypatch.setattr(tool, "NOTEBOOKS", tmp_path)
    names = lambda paths: [f"{p.parent.name}/{p.stem}" for p in paths]  # noqa: E731
    assert len(tool.select([])) == 6
    assert names(tool.select(["05"])) == ["en/05_imdb_lstm", "ko/05_imdb_lstm"]
    assert names(tool.select(["ko/0", "en/06"])) == ["en/06_going_further", "ko/01_rnn", "ko/05_imdb_lstm",
                                                     "ko/06_going_further"]
    assert names(tool.select(["06_going"])) == ["en/06_going_further", "ko/06_going_further"]
    with pytest.raises(SystemExit, match="no notebook matches"):
        tool.select(["99"])
