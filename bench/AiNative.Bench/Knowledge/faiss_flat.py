"""FAISS's exact inner-product index over the vectors VectorScanScenario wrote, timed as the portal searches.

Usage: python3 faiss_flat.py VECTORS QUERIES DIMENSIONS K IDS_OUT
VECTORS and QUERIES are float32 rows, little-endian, one after another. Prints two lines (one query per
call, as a search does; all queries in one call, FAISS's batched BLAS path) and writes each query's top-K
row numbers to IDS_OUT as int64, so the caller can check FAISS found what its own scan found.
Needs Debian's python3-faiss (/usr/bin/python3: a pyenv python3 earlier in PATH does not see it).
"""
import sys
import time

import faiss
import numpy as np

vectors_path, queries_path, dimensions, k, ids_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
vectors = np.memmap(vectors_path, dtype=np.float32, mode="r").reshape(-1, dimensions)
queries = np.fromfile(queries_path, dtype=np.float32).reshape(-1, dimensions)
index = faiss.IndexFlatIP(dimensions)
index.add(np.ascontiguousarray(vectors))
del vectors

for query in queries[:10]:
    index.search(query.reshape(1, -1), k)

times = []
ids = np.empty((len(queries), k), dtype=np.int64)
for i, query in enumerate(queries):
    started = time.perf_counter()
    _, found = index.search(query.reshape(1, -1), k)
    times.append((time.perf_counter() - started) * 1000)
    ids[i] = found[0]
ids.tofile(ids_path)
times.sort()


def percentile(p):
    # As LatencyStats in C#: the smallest time at or above the share p of the times.
    return times[min(len(times) - 1, max(0, int(np.ceil(p * len(times))) - 1))]


print(f"faiss {faiss.__version__} IndexFlatIP, one query a call, {faiss.omp_get_max_threads()} threads: median {percentile(0.5):8.3f} ms, p99 {percentile(0.99):8.3f} ms")

started = time.perf_counter()
index.search(queries, k)
batch = (time.perf_counter() - started) * 1000
print(f"faiss {faiss.__version__} IndexFlatIP, {len(queries)} queries in one call (BLAS): {batch / len(queries):8.3f} ms a query")
