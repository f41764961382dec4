"""The benchmark: it runs, it writes what it says, ratios are relative to the original."""

import json

from lstm_helpers import benchmark


def test_quick_benchmark_writes_json_and_markdown(data_dir, tmp_path, capsys):
    rows = benchmark.main(["--quick", "--configs", "original", "gru", "--out", str(tmp_path),
                           "--data-dir", str(data_dir)])
    assert [r["name"] for r in rows] == ["original", "gru"]
    written = json.loads((tmp_path / "benchmark.json").read_text())
    assert [r["name"] for r in written["rows"]] == ["original", "gru"] and "quick mode" in written["machine"]
    for row in rows:
        assert 0.0 <= row["test_accuracy"] <= 1.0
        assert row["epochs_run"] == 1 and row["seconds_per_epoch"] > 0
    assert rows[0]["time_ratio"] == 1.0
    assert abs(rows[1]["time_ratio"] - rows[1]["total_seconds"] / rows[0]["total_seconds"]) < 1e-9
    table = (tmp_path / "benchmark.md").read_text()
    assert table.count("\n| original") == 1 and "| gru" in table and "1.00x" in table
    assert "| gru" in capsys.readouterr().out


def test_no_ratio_without_the_original():
    rows = [{"name": "gru", "description": "d", "maxlen": 80, "test_accuracy": 0.8, "best_val_accuracy": 0.81,
             "epochs_run": 2, "best_epoch": 1, "seconds_per_epoch": 1.0, "total_seconds": 2.0,
             "parameters": 10, "time_ratio": None}]
    assert "| - |" in benchmark.format_markdown(rows, "here")


def test_configurations_have_unique_names_and_build():
    from lstm_helpers.models import build_recurrent_classifier

    assert len(benchmark.BY_NAME) == len(benchmark.CONFIGURATIONS)
    original = benchmark.BY_NAME["original"]
    assert (original.batch_size, original.epochs, original.maxlen, original.patience) == (32, 3, 80, None)
    for config in benchmark.CONFIGURATIONS:
        build_recurrent_classifier(vocab_size=config.num_words, maxlen=config.maxlen, **config.model)


def test_plot_benchmark_draws_one_point_per_configuration():
    import lstm_helpers as h
    from lstm_helpers import settings

    rows = [{"name": n, "maxlen": 80, "test_accuracy": a, "total_seconds": t, "parameters": 1000}
            for n, a, t in (("original", 0.83, 100.0), ("gru", 0.85, 30.0))]
    settings.set_language("ko")
    fig = h.plot_benchmark(rows)
    ax = fig.axes[0]
    assert [c.get_offsets()[0].tolist() for c in ax.collections] == [[100.0, 0.83], [30.0, 0.85]]
    assert ax.get_ylabel() == "테스트 정확도" and ax.get_xscale() == "log"
    assert any(t.get_text() == "목표 0.89" for t in ax.texts)
