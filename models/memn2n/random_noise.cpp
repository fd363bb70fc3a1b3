#include "models/memn2n/random_noise.h"

#include <algorithm>
#include <cmath>

namespace mann {

int slots_with_noise(int longest_story, float fraction, int memory_size) {
  const int noise = static_cast<int>(std::ceil(fraction * static_cast<float>(longest_story)));
  return std::min(memory_size, longest_story + std::max(0, noise));
}

void insert_empty_memories(BabiBatch& batch, float fraction, Rng& rng) {
  const int N = batch.shape.memory_size, S = batch.shape.sentence_len, F = batch.shape.supporting_len;
  std::vector<int> slot_of;  // new slot of each statement
  std::vector<int> words;
  for (int b = 0; b < batch.batch; ++b) {
    const int n = batch.sentence_count[b];
    if (n == 0) continue;
    const int most = static_cast<int>(std::ceil(fraction * static_cast<float>(n)));
    const int k = std::min(N - n, rng.uniform_int(most + 1));
    if (k <= 0) continue;
    // Choose which of the n + k memories are statements: a random n-subset, kept in order.
    std::vector<int> positions(static_cast<size_t>(n + k));
    for (int i = 0; i < n + k; ++i) positions[i] = i;
    for (int i = 0; i < n; ++i) std::swap(positions[i], positions[i + rng.uniform_int(n + k - i)]);
    slot_of.assign(positions.begin(), positions.begin() + n);
    std::sort(slot_of.begin(), slot_of.end());

    int* sentences = batch.sentences.data() + static_cast<size_t>(b) * N * S;
    words.assign(sentences, sentences + static_cast<size_t>(n) * S);
    std::fill(sentences, sentences + static_cast<size_t>(n + k) * S, -1);
    for (int i = 0; i < n; ++i)
      std::copy_n(words.begin() + static_cast<size_t>(i) * S, S, sentences + slot_of[i] * S);
    batch.sentence_count[b] = n + k;
    for (int m = 0; m < n + k; ++m) batch.time[static_cast<size_t>(b) * N + m] = n + k - 1 - m;
    for (int f = 0; f < F; ++f) {
      int& s = batch.supporting[static_cast<size_t>(b) * F + f];
      if (s >= 0) s = slot_of[s];
    }
  }
}

}  // namespace mann
