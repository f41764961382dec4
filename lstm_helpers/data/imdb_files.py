"""Reading keras' two IMDB files (online through keras, or from a local folder),
safely, and keras' conventions for the ids of a review.

The ids of a review (keras' convention): 0 is padding, 1 marks the start of a
review, 2 stands for an unknown word (rare, or cut by ``num_words``), and the
word of frequency rank ``r`` (1 = "the") has id ``r + 3``.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import pickle
import types
import zipfile
from collections.abc import Mapping
from pathlib import Path

import keras
import numpy as np

from ..settings import pick

DATA_DIR_ENV = "LSTM_HELPERS_DATA_DIR"
NPZ_FILE = "imdb.npz"
WORD_INDEX_FILE = "imdb_word_index.json"

PAD_ID = 0
START_ID = 1
UNKNOWN_ID = 2
INDEX_FROM = 3  # the word of rank r has id r + INDEX_FROM
KERAS_SEED = 113  # the seed keras shuffles the reviews with

_ARRAYS = ("x_train", "y_train", "x_test", "y_test")


# ---------------------------------------------------------------- where the files are

def resolve_data_dir(data_dir: str | os.PathLike | None = None) -> Path | None:
    """Return the local data folder to read, or None to download with keras.

    ``data_dir`` wins over ``LSTM_HELPERS_DATA_DIR``. A folder that is named
    but missing, or that lacks one of the two files, is an error that says how
    to fix it.
    """
    source = "data_dir"
    if data_dir is None:
        data_dir = os.environ.get(DATA_DIR_ENV) or None
        source = DATA_DIR_ENV
    if data_dir is None:
        return None
    folder = Path(data_dir).expanduser().resolve()
    if not folder.is_dir():
        raise FileNotFoundError(pick(
            ko=f"{source}가 가리키는 폴더 {folder} 가 없습니다. keras의 IMDB 파일 "
               f"({NPZ_FILE}, {WORD_INDEX_FILE})이 든 폴더로 {source}를 고치거나, "
               f"인터넷에 연결되어 있다면 {DATA_DIR_ENV}를 지워서 keras가 내려받게 하세요.",
            en=f"{source} names the folder {folder}, which does not exist. Point {source} at a "
               f"folder that holds keras' IMDB files ({NPZ_FILE} and {WORD_INDEX_FILE}), or, "
               f"with internet, unset {DATA_DIR_ENV} to let keras download them.",
        ))
    for name in (NPZ_FILE, WORD_INDEX_FILE):
        if not (folder / name).is_file():
            raise FileNotFoundError(pick(
                ko=f"{source} 폴더 {folder} 에 {name} 파일이 없습니다. 이 폴더에는 keras가 "
                   f"내려받는 두 파일 {NPZ_FILE}, {WORD_INDEX_FILE}가 함께 있어야 합니다 "
                   "(keras.datasets.imdb가 ~/.keras/datasets 에 받아 둔 파일을 복사해도 됩니다).",
                en=f"The {source} folder {folder} has no {name}. It must hold both files keras "
                   f"downloads, {NPZ_FILE} and {WORD_INDEX_FILE} (copies of the ones "
                   "keras.datasets.imdb saves in ~/.keras/datasets will do).",
            ))
    return folder


@contextlib.contextmanager
def _explain_download_failure():
    """Turn keras' raw "URL fetch failure" into a message that says what to do."""
    try:
        yield
    except Exception as error:  # keras raises a bare Exception for a failed download
        if "URL fetch failure" not in str(error) and not isinstance(error, OSError):
            raise
        raise ConnectionError(pick(
            ko="IMDB 데이터를 내려받지 못했습니다(인터넷에 연결되어 있지 않은 것 같습니다). 인터넷에 "
               f"연결하거나, keras의 IMDB 파일 두 개({NPZ_FILE}, {WORD_INDEX_FILE})가 든 폴더의 절대 "
               f"경로를 환경 변수 {DATA_DIR_ENV}에 넣고 Jupyter를 다시 시작하세요. 원래 오류: {error}",
            en="The IMDB data could not be downloaded (no internet connection?). Connect to the "
               f"internet, or put keras' two IMDB files ({NPZ_FILE} and {WORD_INDEX_FILE}) in a "
               f"folder, set the environment variable {DATA_DIR_ENV} to its absolute path and "
               f"restart Jupyter. The original error: {error}",
        )) from error


# ---------------------------------------------------------------- reading the npz safely

class _ArrayOnlyUnpickler(pickle.Unpickler):
    """Unpickles numpy arrays and nothing else, so a tampered file cannot run code."""

    _ALLOWED = {
        ("numpy", "ndarray"),
        ("numpy", "dtype"),
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
    }

    def find_class(self, module: str, name: str):
        if (module, name) in self._ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"refusing to load {module}.{name} from an IMDB file")


def _read_npy(raw: bytes) -> np.ndarray:
    """Read one ``.npy`` member; object arrays go through the array-only unpickler."""
    stream = io.BytesIO(raw)
    try:
        return np.lib.format.read_array(stream, allow_pickle=False)
    except ValueError:  # an object array: its data is a pickle stream after the header
        stream.seek(0)
        major, _ = np.lib.format.read_magic(stream)
        if major == 1:
            np.lib.format.read_array_header_1_0(stream)
        else:
            np.lib.format.read_array_header_2_0(stream)
        return _ArrayOnlyUnpickler(stream).load()


def _read_imdb_npz(path: Path) -> dict[str, np.ndarray]:
    """Return the four arrays of a keras ``imdb.npz``; a clear error if they are not there."""
    try:
        with zipfile.ZipFile(path) as archive:
            arrays = {
                member[:-4]: _read_npy(archive.read(member))
                for member in archive.namelist()
                if member.endswith(".npy") and member[:-4] in _ARRAYS
            }
    except (zipfile.BadZipFile, pickle.UnpicklingError, ValueError, EOFError) as error:
        raise ValueError(pick(
            ko=f"{path} 를 npz 파일로 읽을 수 없습니다({error}). keras가 내려받는 imdb.npz를 쓰세요.",
            en=f"{path} cannot be read as an npz file ({error}). Use the imdb.npz that keras downloads.",
        )) from error
    missing = [name for name in _ARRAYS if name not in arrays]
    if missing:
        raise ValueError(pick(
            ko=f"{path} 에 배열 {', '.join(missing)} 이(가) 없습니다. IMDB 파일에는 "
               f"{', '.join(_ARRAYS)} 네 배열이 있어야 합니다. keras가 내려받는 imdb.npz를 쓰세요.",
            en=f"{path} lacks the array(s) {', '.join(missing)}. An IMDB file holds the four "
               f"arrays {', '.join(_ARRAYS)}. Use the imdb.npz that keras downloads.",
        ))
    return arrays


# ---------------------------------------------------------------- loading

def _check_num_words(num_words: int | None) -> None:
    if num_words is not None and (isinstance(num_words, bool) or not isinstance(num_words, (int, np.integer))
                                  or num_words < 5):
        raise ValueError(pick(
            ko=f"num_words={num_words!r} 는 쓸 수 없습니다. id 0, 1, 2는 각각 패딩, 시작 표시, 모르는 단어에 "
               "쓰고 3은 쓰지 않으므로 단어는 id 4부터 시작합니다. 5 이상의 정수를 주세요"
               "(원래 노트북은 20000). None이면 단어를 자르지 않습니다.",
            en=f"num_words={num_words!r} cannot work: ids 0, 1 and 2 are reserved for padding, the "
               "start mark and unknown words, and 3 is never used, so words start at id 4. Give an "
               "integer of 5 or more (the original uses 20000), or None to keep every word.",
        ))


def load_imdb_raw(
    num_words: int | None = None,
    data_dir: str | os.PathLike | None = None,
    shuffle_seed: int = KERAS_SEED,
) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Return ``(x_train, y_train), (x_test, y_test)`` exactly as keras gives them.

    Each ``x`` is an object array of python lists of ids of unequal length
    (start id 1 in front, words from id 3, ids at or above ``num_words``
    replaced by 2). Offline, this repeats what ``keras.datasets.imdb.load_data``
    does after its download: shuffle both splits with ``RandomState(shuffle_seed)``,
    put the start id in front, add the offset of 3, cut at ``num_words``.
    ``shuffle_seed`` is keras' ``seed`` argument (113, keras' default, gives keras'
    order); it is named apart from the ``seed`` of :func:`load_imdb` and
    :func:`split_reviews`, which chooses the validation reviews.
    """
    _check_num_words(num_words)
    folder = resolve_data_dir(data_dir)
    if folder is None:
        with _explain_download_failure():
            return keras.datasets.imdb.load_data(num_words=num_words, seed=shuffle_seed)

    arrays = _read_imdb_npz(folder / NPZ_FILE)
    rng = np.random.RandomState(shuffle_seed)
    splits = []
    for x_name, y_name in (("x_train", "y_train"), ("x_test", "y_test")):
        order = np.arange(len(arrays[x_name]))
        rng.shuffle(order)
        x = [[START_ID] + [rank + INDEX_FROM for rank in review] for review in arrays[x_name][order]]
        splits.append((x, arrays[y_name][order]))
    limit = num_words or max(max(review) for x, _ in splits for review in x)
    result = []
    for x, y in splits:
        cut = [[i if i < limit else UNKNOWN_ID for i in review] for review in x]
        result.append((np.array(cut, dtype="object"), y))
    return result[0], result[1]


# ---------------------------------------------------------------- words <-> ids

def get_word_index(data_dir: str | os.PathLike | None = None) -> Mapping[str, int]:
    """Return keras' IMDB word index: word -> frequency rank (1 = "the").

    The ranks carry no offset; the id of a word in a review is rank + 3.
    Read once per folder, then kept. It is a read-only view
    (``types.MappingProxyType``): editing it would change what
    :func:`encode_review` gives for the rest of the session, so it cannot be
    edited; ``dict(get_word_index())`` is a copy to change freely.
    """
    return _read_word_index(resolve_data_dir(data_dir))


@functools.cache
def _read_word_index(folder: Path | None) -> Mapping[str, int]:
    if folder is None:
        with _explain_download_failure():
            return types.MappingProxyType(keras.datasets.imdb.get_word_index())
    path = folder / WORD_INDEX_FILE
    try:
        with open(path, encoding="utf-8") as file:
            index = json.load(file)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(pick(
            ko=f"{path} 를 JSON 단어 사전으로 읽을 수 없습니다({error}). keras가 내려받는 "
               f"{WORD_INDEX_FILE}를 다시 복사하세요.",
            en=f"{path} cannot be read as a JSON word index ({error}). Copy the {WORD_INDEX_FILE} "
               "that keras downloads again.",
        )) from error
    if not isinstance(index, dict) or not all(isinstance(v, int) for v in index.values()):
        raise ValueError(pick(
            ko=f"{path} 는 단어 → 순위 딕셔너리가 아닙니다. keras가 내려받는 {WORD_INDEX_FILE}를 쓰세요.",
            en=f"{path} is not a word -> rank dictionary. Use the {WORD_INDEX_FILE} that keras downloads.",
        ))
    return types.MappingProxyType(index)
