#include "datasets/babi/babi_batch.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace mann {

BabiBatchShape babi_batch_shape(const BabiDataset& d) {
  return BabiBatchShape{d.memory_size, std::max(1, d.max_sentence_len), std::max(1, d.max_question_len),
                        std::max(1, d.max_supporting)};
}

BabiBatch make_babi_batch(const std::vector<BabiExample>& examples, const std::vector<int>& indices,
                          const BabiBatchShape& shape) {
  const int B = static_cast<int>(indices.size());
  const int M = shape.memory_size, S = shape.sentence_len, Q = shape.question_len, F = shape.supporting_len;
  BabiBatch bb;
  bb.batch = B;
  bb.shape = shape;
  bb.sentences.assign(static_cast<size_t>(B) * M * S, -1);
  bb.sentence_count.assign(B, 0);
  bb.time.assign(static_cast<size_t>(B) * M, -1);
  bb.question.assign(static_cast<size_t>(B) * Q, -1);
  bb.answer.assign(B, 0);
  bb.supporting.assign(static_cast<size_t>(B) * F, -1);
  bb.task.assign(B, 0);
  auto too_big = [](int index, const std::string& what, size_t have, int room) {
    throw std::invalid_argument("make_babi_batch: example " + std::to_string(index) + " has " +
                                std::to_string(have) + " " + what + ", the batch shape allows " +
                                std::to_string(room));
  };
  for (int b = 0; b < B; ++b) {
    const BabiExample& e = examples.at(indices[b]);
    const int count = static_cast<int>(e.story.size());
    if (count > M) too_big(indices[b], "sentences", e.story.size(), M);
    if (static_cast<int>(e.question.size()) > Q) too_big(indices[b], "question words", e.question.size(), Q);
    bb.sentence_count[b] = count;
    for (int m = 0; m < count; ++m) {
      const std::vector<int>& s = e.story[m];
      if (static_cast<int>(s.size()) > S) too_big(indices[b], "words in a sentence", s.size(), S);
      std::copy(s.begin(), s.end(), bb.sentences.begin() + (static_cast<size_t>(b) * M + m) * S);
      bb.time[static_cast<size_t>(b) * M + m] = count - 1 - m;
    }
    std::copy(e.question.begin(), e.question.end(), bb.question.begin() + static_cast<size_t>(b) * Q);
    bb.answer[b] = e.answer;
    for (int f = 0; f < std::min(F, static_cast<int>(e.supporting.size())); ++f) {
      bb.supporting[static_cast<size_t>(b) * F + f] = e.supporting[f];
    }
    bb.task[b] = e.task;
  }
  return bb;
}

}  // namespace mann
