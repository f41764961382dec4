"""Looking inside an embedding: a word's vector, its nearest neighbours, a 2D picture.

The ids follow keras' IMDB convention (see :mod:`lstm_helpers.data`): the word
of frequency rank ``r`` has id ``r + 3``, and only ids below ``num_words``
have a row of their own in the embedding.
"""

from __future__ import annotations

import numpy as np

from .data import INDEX_FROM
from .settings import pick


def embedding_weights(model, layer_name: str = "embedding") -> np.ndarray:
    """The weight matrix of a model's Embedding layer: an array (vocabulary size, dimensions)."""
    return np.asarray(model.get_layer(layer_name).get_weights()[0])


def word_id(word: str, word_index: dict[str, int], num_words: int) -> int:
    """The id a word has in the reviews (rank + 3); an error when it is outside the vocabulary."""
    rank = word_index.get(word)
    if rank is None or rank + INDEX_FROM >= num_words:
        where = pick(ko="단어 사전에 없습니다", en="is not in the word index") if rank is None else pick(
            ko=f"빈도 순위가 {rank}위라 num_words={num_words} 밖입니다",
            en=f"has frequency rank {rank}, outside num_words={num_words}")
        raise KeyError(pick(
            ko=f"단어 {word!r}은(는) {where}. 이 단어에는 임베딩 벡터가 없으니 더 자주 나오는 영어 단어(소문자)를 고르세요.",
            en=f"The word {word!r} {where}, so it has no embedding vector. Pick a more frequent "
               "English word, in lower case.",
        ))
    return rank + INDEX_FROM


def cosine_similarities(vectors: np.ndarray, query: np.ndarray) -> np.ndarray:
    """Cosine similarity of ``query`` (dimensions,) with each row of ``vectors`` (n, dimensions).

    Returns n numbers from -1 to 1; a zero row gets similarity 0.
    """
    norms = np.linalg.norm(vectors, axis=1) * np.linalg.norm(query)
    dots = vectors @ query
    return np.divide(dots, norms, out=np.zeros_like(dots, dtype=float), where=norms > 0)


def nearest_words(word: str, weights: np.ndarray, word_index: dict[str, int], k: int = 5,
                  among: int | None = None) -> list[tuple[str, float]]:
    """The ``k`` words whose embedding vectors are most similar (cosine) to ``word``'s.

    ``weights`` is the embedding matrix (vocabulary size, dimensions), whose
    row ``i`` is the vector of id ``i``. The word itself, the reserved ids
    and ids that stand for no word are left out; ``among=n`` searches only
    ids below ``n`` (the most frequent words). Returns ``(word, similarity)``
    pairs, most similar first.
    """
    num_words = len(weights)
    query_id = word_id(word, word_index, num_words)
    similarity = cosine_similarities(weights, weights[query_id])
    id_to_word = {rank + INDEX_FROM: w for w, rank in word_index.items() if rank + INDEX_FROM < num_words}
    has_word = np.zeros(num_words, dtype=bool)
    has_word[list(id_to_word)] = True
    similarity[~has_word] = -np.inf  # the reserved ids 0-3 and ids without a word
    similarity[query_id] = -np.inf
    if among is not None:
        similarity[among:] = -np.inf
    best = [i for i in np.argsort(-similarity) if np.isfinite(similarity[i])][:k]
    return [(id_to_word[int(i)], float(similarity[i])) for i in best]


def project_to_2d(vectors: np.ndarray) -> np.ndarray:
    """Project vectors (n, dimensions) onto their two main directions (PCA by SVD).

    Centres the rows, takes the singular value decomposition and returns the
    coordinates along the first two right singular vectors: an array (n, 2).
    The sign of each axis is fixed so that its largest coordinate is positive.
    """
    vectors = np.asarray(vectors, dtype=float)
    if vectors.ndim != 2 or len(vectors) < 2:
        raise ValueError(pick(
            ko=f"(단어 수, 차원) 모양의 배열에 단어가 2개 이상 있어야 합니다. 받은 모양: {vectors.shape}",
            en=f"Give an array (words, dimensions) with at least 2 words; got shape {vectors.shape}.",
        ))
    centred = vectors - vectors.mean(axis=0)
    _, _, directions = np.linalg.svd(centred, full_matrices=False)
    points = centred @ directions[:2].T
    if points.shape[1] < 2:  # a single direction only (two words): the second axis is 0
        points = np.column_stack([points, np.zeros(len(points))])
    signs = np.sign(points[np.abs(points).argmax(axis=0), range(2)])
    return points * np.where(signs == 0, 1, signs)
