"""The benchmark: it runs, it writes what it says, ratios are relative to the original."""

import json

import pytest

import lstm_helpers as lh
from lstm_helpers import benchmark


def test_quick_benchmark_writes_json_and_markdown(data_dir, tmp_path, capsys):
    rows = benchmark.main(["--quick", "--configs", "original", "gru", "--out", str(tmp_path),
                           "--data-dir", str(data_dir)])
    assert [r["name"] for r in rows] == ["original", "gru"]
    written = json.loads((tmp_path / "benchmark.json").read_text())
    assert [r["name"] for r in written["rows"]] == ["original", "gru"] and "quick mode" in written["machine"]
    for row in rows:
        assert row["test_reviews"] == benchmark.QUICK_SIZES["max_test"]
        right = row["test_accuracy"] * row["test_reviews"]  # a share of the test reviews: a whole number right
        assert abs(right - round(right)) < 1e-3
        assert row["epochs_run"] == 1 and row["seconds_per_epoch"] > 0
    table = (tmp_path / "benchmark.md").read_text()
    assert table.count("\n| original") == 1 and "| gru" in table and "1.00x" in table
    assert "| gru" in capsys.readouterr().out


def test_no_ratio_column_without_the_original():
    row = {"name": "gru", "description": "d", "maxlen": 80, "test_accuracy": 0.8, "val_accuracy": 0.81,
           "test_se": 0.01, "epochs_run": 2, "kept_epoch": 1, "seconds_per_epoch": 1.0, "total_seconds": 2.0,
           "parameters": 10}
    table = benchmark.format_markdown(benchmark.add_time_ratios([dict(row)]), "here")
    header, last_row = table.strip().splitlines()[2], table.strip().splitlines()[-1]
    cells = [cell.strip() for cell in last_row.strip("|").split("|")]
    assert "time vs original" not in header and len(cells) == 9
    assert cells[3] == "±0.0100" and float(cells[4]) == 0.81 and cells[5] == "2 (1)"
    both = benchmark.add_time_ratios([dict(row), dict(row, name="original", total_seconds=4.0)])
    table = benchmark.format_markdown(both, "here")
    assert "time vs original" in table.strip().splitlines()[2]
    assert [cell.strip() for cell in table.strip().splitlines()[-2].strip("|").split("|")][8] == "0.50x"


def test_configurations_have_unique_names_and_build():
    from lstm_helpers.models import build_recurrent_classifier

    assert len(benchmark.BY_NAME) == len(benchmark.CONFIGURATIONS)
    original = benchmark.BY_NAME["original"]
    assert (original.batch_size, original.epochs, original.maxlen, original.patience) == (32, 3, 80, None)
    for config in benchmark.CONFIGURATIONS:
        if config.builder == "recurrent":
            build_recurrent_classifier(num_words=config.num_words, maxlen=config.maxlen, **config.model)
    assert set(benchmark.NOTEBOOK_06) <= set(benchmark.BY_NAME)


def test_padding_goes_behind_exactly_when_it_is_masked():
    """predict_sentiment pads a masked model "post" and others "pre": every configuration must train that way."""
    for config in benchmark.CONFIGURATIONS:
        if config.builder == "recurrent":
            assert (config.padding == "post") == config.model.get("mask_padding", False), config.name
    # a text model reads reviews of any length, so it must mask its padding
    assert all(c.model.get("mask_padding") for c in benchmark.CONFIGURATIONS if c.text_ids)


def test_prepare_data_gives_text_ids_texts_or_padded_ids():
    import numpy as np

    raw = ((np.array([[1, 5, 2, 7], [1, 9]], dtype=object), np.array([1, 0])),
           (np.array([[1, 2, 6]], dtype=object), np.array([1])))
    ids = benchmark.prepare_data(benchmark.BY_NAME["lstm_fast"], raw, quick=False)
    assert ids.x_test.tolist() == [[0] * 77 + [1, 2, 6]]
    text = benchmark.prepare_data(benchmark.BY_NAME["bigru_pool_600"], raw, quick=False)
    assert text.x_test[0, :3].tolist() == [1, 6, 0]  # no start mark, unknown 2 -> 1, zeros behind
    assert text.x_test.shape == (1, 600)


def test_prepare_data_and_build_model_for_the_models_that_read_text(data_dir):
    import numpy as np

    from lstm_helpers import models

    words = [[1] + [4 + (7 * i + j) % 40 for j in range(5 + i)] for i in range(10)]  # ids of common words
    raw = ((np.array(words[:8], dtype=object), np.array([1, 0] * 4)), (np.array(words[8:], dtype=object), np.array([1, 0])))
    for name in ("bag_of_bigrams", "bigru_and_bigrams"):
        config = benchmark.BY_NAME[name]
        data = benchmark.prepare_data(config, raw, quick=True)
        assert data.x_train.dtype == object and all(isinstance(t, str) and t for t in data.x_train)
        assert list(data.x_test) == lh.data.review_texts(raw[1][0][:2], lh.get_word_index())
        model = benchmark.build_model(config, data, quick=True)
        assert models.reads_text(model)
        assert model.predict(np.array(data.x_test, dtype=object), verbose=0).shape == (2, 1)
        cut = models.text_vectorizer(model).get_config()
        if name == "bigru_and_bigrams":  # quick mode caps the words the GRU reads
            assert cut["output_mode"] == "int" and cut["output_sequence_length"] == benchmark.QUICK_SIZES["maxlen_cap"]
            assert benchmark.build_model(config, data).get_layer("words_to_ids").get_config()[
                "output_sequence_length"] == 400
        else:
            assert cut["output_mode"] == "multi_hot"


def test_plot_benchmark_draws_one_point_per_configuration_and_no_label_covers_another():
    import lstm_helpers as h
    from lstm_helpers import settings

    rows = [{"name": n, "maxlen": m, "test_accuracy": a, "test_se": 0.002, "total_seconds": t, "parameters": 1000}
            for n, m, a, t in (("original", 80, 0.83, 100.0), ("gru", 80, 0.85, 30.0),
                               ("lstm_fast", 80, 0.8393, 67.0), ("lstm_stacked", 80, 0.8393, 68.0),
                               ("lstm_200", 200, 0.855, 167.0), ("bilstm_200", 200, 0.856, 194.0),
                               ("bag_of_bigrams", None, 0.89, 60.0))]
    settings.set_language("ko")
    fig = h.plots.plot_benchmark(rows)
    ax = fig.axes[0]
    points = [line.get_xydata()[0].tolist() for line in ax.lines if line.get_marker() == "o"]
    assert points == [[100.0, 0.83], [30.0, 0.85], [67.0, 0.8393], [68.0, 0.8393], [167.0, 0.855], [194.0, 0.856],
                      [60.0, 0.89]]
    assert ax.get_ylabel().startswith("테스트 정확도") and ax.get_xscale() == "log"
    assert any(t.get_text() == "목표 0.89" for t in ax.texts)
    assert any(t.get_text() == "bag_of_bigrams (전체)" for t in ax.texts)  # a bag reads the whole review
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    frame = ax.get_window_extent(renderer)
    for i, box in enumerate(boxes):
        assert frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1 and frame.y0 - 1 <= box.y0 and box.y1 <= frame.y1 + 1
        assert not any(box.overlaps(other) for other in boxes[i + 1:]), ax.texts[i].get_text()


def _fake_benchmark(monkeypatch, results):
    """run_benchmark with training replaced: results maps a name to (total_seconds, val, test)."""
    import types

    monkeypatch.setattr(benchmark.runner, "load_imdb_raw", lambda **kwargs: "raw")
    monkeypatch.setattr(benchmark.runner, "prepare_data", lambda *args, **kwargs: "data")

    def fake_run(config, data_, seed=42, quick=False):
        seconds, val, test = results[config.name]
        model = types.SimpleNamespace(name=f"model of {config.name}")
        return {"name": config.name, "total_seconds": seconds, "val_accuracy": val,
                "test_accuracy": test}, model

    monkeypatch.setattr(benchmark.runner, "run_configuration", fake_run)
    by_name = {c.name: c for c in benchmark.CONFIGURATIONS}
    return [by_name[name] for name in results]


def test_time_ratio_is_each_total_over_the_originals(monkeypatch):
    names = [c.name for c in benchmark.CONFIGURATIONS if c.name != "original"][:2]
    results = {names[0]: (30.0, 0.80, 0.79), "original": (120.0, 0.81, 0.80), names[1]: (300.0, 0.82, 0.78)}
    rows = benchmark.run_benchmark(_fake_benchmark(monkeypatch, results))
    assert [r["time_ratio"] for r in rows] == [0.25, 1.0, 2.5]  # the original need not come first


def test_choose_by_validation_picks_by_validation_not_test(monkeypatch):
    names = [c.name for c in benchmark.CONFIGURATIONS][:3]
    results = {names[0]: (1.0, 0.80, 0.90), names[1]: (1.0, 0.85, 0.70), names[2]: (1.0, 0.84, 0.95)}
    trained = {}
    rows = benchmark.run_benchmark(_fake_benchmark(monkeypatch, results), trained=trained)
    chosen = benchmark.choose_by_validation(rows)
    assert chosen["name"] == names[1] and trained[names[1]][0].name == f"model of {names[1]}"
    assert trained[names[1]][1] == "data" and len(rows) == 3


def test_kept_epoch_is_the_best_when_restored_and_the_last_otherwise():
    history = {"val_accuracy": [0.6, 0.8, 0.8, 0.7]}
    assert benchmark.kept_epoch(history, restored=True) == 1  # EarlyStopping keeps the first of equal bests
    assert benchmark.kept_epoch(history, restored=False) == 3


def test_the_command_line_runs_as_a_module_without_warnings():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-W", "error::RuntimeWarning", "-m", "lstm_helpers.benchmark", "--help"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "usage: python -m lstm_helpers.benchmark" in done.stdout and "Warning" not in done.stderr


def test_configurations_describe_themselves():
    for config in benchmark.CONFIGURATIONS:
        text = config.describe()
        assert isinstance(text, str) and text.strip()
    assert len({c.describe() for c in benchmark.CONFIGURATIONS}) == len(benchmark.CONFIGURATIONS)


def test_run_configuration_keeps_the_best_validation_epoch():
    """With early stopping the model that comes back has the weights of its best validation epoch."""
    import numpy as np

    from lstm_helpers.data import ImdbData

    rng = np.random.default_rng(0)
    x = rng.integers(3, 50, size=(600, 10)).astype("int32")
    y = (x[:, -1] > 26).astype("int32")  # the last word decides: learnable in a few epochs
    data = ImdbData(x[:400], y[:400], x[400:500], y[400:500], x[500:], y[500:])
    config = benchmark.Configuration("tiny", "tiny", num_words=50, maxlen=10, batch_size=16, epochs=5, patience=1,
                                     model=dict(layer="gru", units=4, embedding_dim=4, dropout=0.0,
                                                recurrent_dropout=0.0, learning_rate=0.05))
    row, model = benchmark.run_configuration(config, data, seed=1)
    val_loss, val_accuracy = model.evaluate(data.x_val, data.y_val, verbose=0)
    assert abs(val_accuracy - row["val_accuracy"]) < 1e-6       # the row describes the weights the model holds
    assert row["val_accuracy"] == row["best_val_accuracy"]
    # restored: an epoch before the last is kept, and the model holds its weights, not the last epoch's
    # (validation accuracy ties at 1.0 here, so only the loss tells the two apart)
    assert 1 <= row["kept_epoch"] < row["epochs_run"] <= 5
    history = model.history.history
    assert len(history["val_loss"]) == row["epochs_run"]
    assert val_loss == pytest.approx(history["val_loss"][row["kept_epoch"] - 1], rel=1e-4)
    assert abs(history["val_loss"][row["kept_epoch"] - 1] - history["val_loss"][-1]) > 1e-3
    _, test_accuracy = model.evaluate(data.x_test, data.y_test, verbose=0)
    assert abs(test_accuracy - row["test_accuracy"]) < 1e-6
    last = benchmark.Configuration("tiny_last", "tiny", num_words=50, maxlen=10, batch_size=16, epochs=3, patience=None,
                                   model=config.model)
    row, model = benchmark.run_configuration(last, data, seed=1)
    _, val_accuracy = model.evaluate(data.x_val, data.y_val, verbose=0)
    assert row["kept_epoch"] == row["epochs_run"] == 3            # no early stopping: the last epoch is kept
    assert abs(val_accuracy - row["val_accuracy"]) < 1e-6
