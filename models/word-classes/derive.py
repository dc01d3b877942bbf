"""Word classes from all-MiniLM-L6-v2's input word embeddings: spherical k-means.

Usage: derive.py MODEL_DIR OUT.tsv 64,512  (see MODEL_CARD.md beside this script)
"""
import json, struct, sys, re
import numpy as np
model = sys.argv[1]; out = sys.argv[2]; ks = [int(k) for k in sys.argv[3].split(',')]
b = open(f'{model}/model.safetensors', 'rb').read()
n = struct.unpack('<Q', b[:8])[0]; h = json.loads(b[8:8 + n])
m = h['embeddings.word_embeddings.weight']; s, e = m['data_offsets']
E = np.frombuffer(b[8 + n + s:8 + n + e], dtype=np.float32).reshape(m['shape'])
vocab = [l.rstrip('\n') for l in open(f'{model}/vocab.txt', encoding='utf-8')]
keep = [i for i, w in enumerate(vocab) if re.fullmatch(r"[a-z][a-z'\-]*[a-z]|[a-z]", w) and not w.startswith('[')]
words = [vocab[i] for i in keep]
X = E[keep].astype(np.float64); X /= np.linalg.norm(X, axis=1, keepdims=True)
rng = np.random.default_rng(2022)
cols = []
for k in ks:
    C = X[rng.choice(len(X), k, replace=False)]
    for it in range(30):
        a = np.argmax(X @ C.T, axis=1)
        for c in range(k):
            mem = X[a == c]
            if len(mem): C[c] = mem.sum(0) / np.linalg.norm(mem.sum(0))
    cols.append(np.argmax(X @ C.T, axis=1))
with open(out, 'w') as f:
    for i, w in enumerate(words):
        f.write(w + ''.join(f'\t{c[i]}' for c in cols) + '\n')
print(len(words), 'words', file=sys.stderr)
