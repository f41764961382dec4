"""The IMDB movie-review data: loading, padding, and turning ids into words and back.

Where the data comes from:

* Online (the default): ``keras.datasets.imdb`` downloads it on first use.
* Offline: when ``data_dir=`` or the environment variable
  ``LSTM_HELPERS_DATA_DIR`` names a folder that holds ``imdb.npz`` and
  ``imdb_word_index.json`` (the two files keras downloads), they are read from
  there, and :func:`load_imdb_raw` does exactly what
  ``keras.datasets.imdb.load_data`` does after its download.

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
import re
import types
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .settings import pick

DATA_DIR_ENV = "LSTM_HELPERS_DATA_DIR"
NPZ_FILE = "imdb.npz"
WORD_INDEX_FILE = "imdb_word_index.json"

PAD_ID = 0
START_ID = 1
UNKNOWN_ID = 2
INDEX_FROM = 3  # the word of rank r has id r + INDEX_FROM
KERAS_SEED = 113  # the seed keras shuffles the reviews with

PAD_TOKEN = "<pad>"
START_TOKEN = "<start>"
UNKNOWN_TOKEN = "<unk>"

_ARRAYS = ("x_train", "y_train", "x_test", "y_test")
_WORD = re.compile(r"[\w']+")  # how the data set was tokenized: runs of letters, digits, _ and '


@dataclass(frozen=True)
class ImdbData:
    """Padded reviews and labels, split three ways.

    ``x_*`` are int32 arrays of shape (reviews, maxlen); ``y_*`` are 0/1
    labels (1 = positive). ``x_val``/``y_val`` are carved out of the training
    reviews (empty when no validation split was asked for); the test set is
    left for one measurement at the very end.
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray

    def describe(self) -> str:
        """One line per split: how many reviews, and the share of positive ones."""
        lines = []
        for name, y in (("train", self.y_train), ("val", self.y_val), ("test", self.y_test)):
            label = {"train": pick(ko="학습", en="train"),
                     "val": pick(ko="검증", en="validation"),
                     "test": pick(ko="테스트", en="test")}[name]
            share = float(np.mean(y)) if len(y) else float("nan")
            lines.append(pick(ko=f"{label}: 리뷰 {len(y):,}개, 긍정 {share:.1%}",
                              en=f"{label}: {len(y):,} reviews, {share:.1%} positive"))
        return "\n".join(lines)


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
            ko=f"num_words={num_words!r} 는 쓸 수 없습니다. id 0, 1, 2는 패딩, 시작 표시, 모르는 단어에 "
               "예약되어 있고 3은 쓰이지 않아서 단어는 id 4부터 시작합니다. 5 이상의 정수를 주세요"
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
        import keras

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


def pad_reviews(reviews, maxlen: int, padding: str = "pre", truncating: str = "pre") -> np.ndarray:
    """Cut or pad every review to ``maxlen`` ids: an int32 array (reviews, maxlen).

    Like ``keras.utils.pad_sequences`` with its defaults: a long review keeps
    its *last* ``maxlen`` words (``truncating="post"`` keeps the first), a short
    one gets zeros in front (``padding="post"``: behind). The last words, because
    the original notebook cut that way and a model that reads the last hidden
    state remembers the end of a review best; the text pipeline
    (:func:`lstm_helpers.models.build_text_vectorizer` with a ``maxlen``) keeps
    the *first* words instead, because ``TextVectorization`` can only cut at the end.
    """
    import keras

    _check_maxlen(maxlen)
    return keras.utils.pad_sequences(reviews, maxlen=maxlen, padding=padding,
                                     truncating=truncating).astype("int32")


def _check_maxlen(maxlen: int) -> None:
    if not isinstance(maxlen, (int, np.integer)) or maxlen < 1:
        raise ValueError(pick(
            ko=f"maxlen={maxlen!r} 는 쓸 수 없습니다. 리뷰를 몇 단어로 자를지 1 이상의 정수로 주세요"
               "(원래 노트북은 80).",
            en=f"maxlen={maxlen!r} cannot work: give the number of words to keep per review, an "
               "integer of 1 or more (the original uses 80).",
        ))


def _check_validation_split(validation_split: float) -> None:
    if isinstance(validation_split, bool) or not isinstance(validation_split, (int, float, np.floating)) \
            or not 0.0 <= validation_split < 1.0:
        raise ValueError(pick(
            ko=f"validation_split={validation_split!r}: 0 이상 1 미만의 비율을 주세요(예: 0.2).",
            en=f"validation_split={validation_split!r}: give a share from 0 up to, not including, 1 (e.g. 0.2).",
        ))


def _check_max(name: str, value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1):
        raise ValueError(pick(
            ko=f"{name}={value!r}: 리뷰를 몇 개까지 쓸지 1 이상의 정수로 주세요. None이면 전부 씁니다.",
            en=f"{name}={value!r}: give the number of reviews to keep, an integer of 1 or more, "
               "or None to keep them all.",
        ))


def load_imdb(
    num_words: int = 20000,
    maxlen: int = 80,
    validation_split: float = 0.0,
    seed: int = 42,
    max_train: int | None = None,
    max_test: int | None = None,
    data_dir: str | os.PathLike | None = None,
) -> ImdbData:
    """Load IMDB, keep the ``num_words`` most frequent words, cut/pad to ``maxlen``.

    ``validation_split`` (0 to <1) carves that share of the training reviews
    out as a validation set, chosen at random with ``seed``; the test set stays
    untouched. ``max_train`` caps the number of *training* reviews (after the
    split; the validation set keeps its share of them), ``max_test`` the test
    reviews, for quick runs. Returns an :class:`ImdbData`.
    """
    _check_maxlen(maxlen)
    _check_validation_split(validation_split)
    _check_max("max_train", max_train)
    _check_max("max_test", max_test)
    raw = load_imdb_raw(num_words=num_words, data_dir=data_dir)
    return split_and_pad(raw, maxlen, validation_split, seed, max_train, max_test)


def split_and_pad(
    raw,
    maxlen: int,
    validation_split: float = 0.0,
    seed: int = 42,
    max_train: int | None = None,
    max_test: int | None = None,
    padding: str = "pre",
) -> ImdbData:
    """Turn ``load_imdb_raw``'s ``(x_train, y_train), (x_test, y_test)`` into an :class:`ImdbData`.

    The step of :func:`load_imdb` after loading, for code that pads the same raw
    reviews to several lengths. ``max_train`` training reviews remain after the
    validation split: it takes ``max_train / (1 - validation_split)`` reviews
    and splits them. With ``validation_split=0`` keras' order is kept.
    ``padding="post"`` puts the zeros after the review instead of before it
    (reviews are still cut at the front).
    """
    _check_maxlen(maxlen)
    _check_validation_split(validation_split)
    _check_max("max_train", max_train)
    _check_max("max_test", max_test)
    split = split_reviews(raw, validation_split, seed, max_train, max_test)
    pad = functools.partial(pad_reviews, maxlen=maxlen, padding=padding)
    return ImdbData(pad(split.x_train), split.y_train, pad(split.x_val), split.y_val,
                    pad(split.x_test), split.y_test)


def split_reviews(
    raw,
    validation_split: float = 0.0,
    seed: int = 42,
    max_train: int | None = None,
    max_test: int | None = None,
) -> ImdbData:
    """The split of :func:`split_and_pad` without the padding: an :class:`ImdbData`
    whose ``x_*`` are object arrays of reviews of any length (ids, or anything
    else one per review, such as texts). The same arguments pick the same reviews
    as :func:`split_and_pad`."""
    _check_validation_split(validation_split)
    _check_max("max_train", max_train)
    _check_max("max_test", max_test)
    (x_train, y_train), (x_test, y_test) = raw
    x_train, x_test = np.asarray(x_train, dtype="object"), np.asarray(x_test, dtype="object")
    if max_train is not None:
        keep = int(round(max_train / (1 - validation_split)))
        x_train, y_train = x_train[:keep], y_train[:keep]
    y_train = np.asarray(y_train, dtype="int32")
    x_test, y_test = x_test[:max_test], np.asarray(y_test[:max_test], dtype="int32")
    if validation_split == 0:
        empty = np.arange(0)
        return ImdbData(x_train, y_train, x_train[empty], y_train[empty], x_test, y_test)
    order = np.random.default_rng(seed).permutation(len(x_train))
    n_val = int(round(len(x_train) * validation_split))
    val, train = order[:n_val], order[n_val:]
    return ImdbData(x_train[train], y_train[train], x_train[val], y_train[val], x_test, y_test)


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
        import keras

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


_reverse_cache: dict[int, tuple[dict, dict]] = {}


def _id_to_word(word_index: dict[str, int]) -> dict[int, str]:
    """id -> word for ``word_index`` (built once per word index, then kept)."""
    cached = _reverse_cache.get(id(word_index))
    if cached is None or cached[0] is not word_index or len(cached[1]) != len(word_index) + 3:
        mapping = {rank + INDEX_FROM: word for word, rank in word_index.items()}
        mapping.update({PAD_ID: PAD_TOKEN, START_ID: START_TOKEN, UNKNOWN_ID: UNKNOWN_TOKEN})
        cached = _reverse_cache[id(word_index)] = (word_index, mapping)
    return cached[1]


def decode_review(ids, word_index: dict[str, int] | None = None, skip_padding: bool = True) -> str:
    """Turn a review's ids back into words, minding the offset of 3.

    0 is padding (left out unless ``skip_padding=False``), 1 the start mark,
    2 an unknown word; any other id ``i`` is the word of rank ``i - 3``.
    """
    id_to_word = _id_to_word(get_word_index() if word_index is None else word_index)
    return " ".join(id_to_word.get(int(i), UNKNOWN_TOKEN) for i in ids
                    if not (skip_padding and int(i) == PAD_ID))


def tokenize(text: str) -> list[str]:
    """Split a review into words the way the data set was made: lower case, runs of
    letters, digits, ``_`` and ``'`` (so ``<br />`` becomes the word "br")."""
    return _WORD.findall(text.lower())


def check_review_text(text) -> list[str]:
    """Return the words of a review typed as text (:func:`tokenize`); a clear error when
    ``text`` is not a string or holds no word."""
    if not isinstance(text, str):
        raise TypeError(pick(
            ko=f"리뷰는 문자열이어야 합니다. {type(text).__name__} 이(가) 들어왔습니다. "
               "예: encode_review(\"This movie was great\")",
            en=f"A review must be a string, not {type(text).__name__}. "
               "Example: encode_review(\"This movie was great\")",
        ))
    words = tokenize(text)
    if not words:
        raise ValueError(pick(
            ko=f"리뷰 {text!r} 에 단어가 하나도 없습니다. 영어 문장을 한 단어 이상 넣어 주세요.",
            en=f"The review {text!r} has no words in it. Type at least one English word.",
        ))
    return words


def encode_review(text: str, num_words: int | None = 20000, word_index: dict[str, int] | None = None) -> list[int]:
    """Turn a review typed as text into ids as the model saw them in training.

    Start id 1 in front; each word's rank + 3; words not in the index, or with
    an id of ``num_words`` or more, become 2 (unknown). ``num_words=None``
    keeps every word of the index, as ``load_imdb_raw(num_words=None)`` does.
    """
    words = check_review_text(text)
    _check_num_words(num_words)
    word_index = get_word_index() if word_index is None else word_index
    ids = [START_ID]
    for word in words:
        rank = word_index.get(word)
        i = rank + INDEX_FROM if rank is not None else UNKNOWN_ID
        ids.append(i if num_words is None or i < num_words else UNKNOWN_ID)
    return ids


# ---------------------------------------------------------------- raw text

TEXT_UNKNOWN_ID = 1  # TextVectorization's id for a word outside its vocabulary ("out of vocabulary")


def text_vocabulary(num_words: int, word_index: dict[str, int] | None = None) -> list[str]:
    """The vocabulary to give ``keras.layers.TextVectorization`` so that every word
    gets the same id as in the data set (rank + 3).

    TextVectorization keeps id 0 for padding and id 1 for unknown words, and
    gives the i-th entry of its vocabulary the id i + 2. So the list starts
    with two place-holders that no text can produce (ids 2 and 3, which keras
    keeps for "unknown" and an unused mark), then the words by rank up to id
    ``num_words - 1``. Returns ``num_words - 2`` strings.
    """
    _check_num_words(num_words)
    word_index = get_word_index() if word_index is None else word_index
    by_id = _id_to_word(word_index)
    words = ["<unk>", "<unused>"]  # ids 2 and 3: the "<" never survives the standardization
    words += [by_id.get(i, f"<missing-{i}>") for i in range(INDEX_FROM + 1, num_words)]
    return words


def as_text_ids(reviews) -> np.ndarray:
    """Turn reviews in keras' ids into the ids a TextVectorization layer with
    :func:`text_vocabulary` gives for the same words: the start mark (1) goes,
    and unknown words (2) become TextVectorization's unknown id (1). Words keep
    their ids. Takes and returns an object array of lists (``load_imdb_raw``'s ``x``)."""
    return _object_array([[TEXT_UNKNOWN_ID if i == UNKNOWN_ID else i for i in review if i != START_ID]
                          for review in reviews])


def _object_array(lists) -> np.ndarray:
    """A 1-D object array of lists (``np.array`` would make a 2-D array of lists of equal length)."""
    out = np.empty(len(lists), dtype="object")
    out[:] = lists
    return out


UNKNOWN_WORD = "_unk_"  # review_texts' word for an unknown word: survives the standardization, in no IMDB vocabulary


def review_texts(reviews, word_index: Mapping[str, int] | None = None, unknown: str | None = UNKNOWN_WORD) -> list[str]:
    """The words of each review (keras ids, one list per review) as one string
    each, for models that read text. Padding and the start mark are left out.

    An unknown word (id 2: rare, or cut by ``num_words``) becomes ``unknown``,
    by default ``"_unk_"``: a word that the text standardization keeps as it is
    and that no vocabulary built from the IMDB word index holds, so a
    TextVectorization layer of :func:`lstm_helpers.models.build_text_vectorizer`
    maps it to its unknown id, exactly as :func:`as_text_ids` does for the
    same review, and a bag of n-grams sees it where the word was (its word pairs
    stay the review's real neighbours). ``unknown=None`` leaves unknown words out.
    """
    id_to_word = _id_to_word(get_word_index() if word_index is None else word_index)
    texts = []
    for review in reviews:
        words = []
        for i in review:
            if i == UNKNOWN_ID or (i > UNKNOWN_ID and i not in id_to_word):
                if unknown is not None:
                    words.append(unknown)
            elif i > UNKNOWN_ID:
                words.append(id_to_word[i])
        texts.append(" ".join(words))
    return texts


def last_words(reviews, count: int) -> np.ndarray:
    """The last ``count`` ids of each review (keras ids; the start mark left out):
    short inputs cut from real reviews. Returns an object array of lists."""
    return _object_array([[i for i in review if i != START_ID][-count:] for review in reviews])


def random_crops(reviews, min_words: int = 10, max_words: int = 60, seed: int = 0) -> np.ndarray:
    """One random stretch of consecutive words from each review, of a random length
    between ``min_words`` and ``max_words`` (the whole review when it is shorter):
    short training inputs cut from long reviews, each keeping its review's label.
    Takes and returns an object array of id lists (a leading start mark is left out)."""
    rng = np.random.default_rng(seed)
    crops = []
    for review in reviews:
        words = [i for i in review if i != START_ID]
        length = min(len(words), int(rng.integers(min_words, max_words + 1)))
        start = int(rng.integers(0, len(words) - length + 1))
        crops.append(words[start:start + length])
    return _object_array(crops)
