#pragma once
// Padded id arrays for a batch of bAbI examples, with fixed shapes so every batch of a run looks alike.
#include <vector>

#include "datasets/babi/babi_dataset.h"

namespace mann {

struct BabiBatchShape {
  int memory_size = 50;  // sentence slots per example
  int sentence_len = 0;  // words per sentence slot
  int question_len = 0;
  int supporting_len = 3;  // supporting-fact slots
};

// The dataset's maxima: fits every example of every split.
BabiBatchShape babi_batch_shape(const BabiDataset& d);

// All arrays row-major, padding -1 (models map it to the nil word). Slot m < sentence_count[b] of example b
// holds its m-th kept statement, oldest first. For temporal encoding (MemN2N sec. 4.1) time[b, m] counts
// from the most recent statement: time = sentence_count - 1 - m, so 0 is the latest; -1 for empty slots.
struct BabiBatch {
  int batch = 0;
  BabiBatchShape shape;
  std::vector<int> sentences;       // B x memory_size x sentence_len
  std::vector<int> sentence_count;  // B
  std::vector<int> time;            // B x memory_size
  std::vector<int> question;        // B x question_len
  std::vector<int> answer;          // B
  std::vector<int> supporting;      // B x supporting_len, indices into the sentence slots
  std::vector<int> task;            // B

  int word(int b, int slot, int w) const {
    return sentences[(static_cast<size_t>(b) * shape.memory_size + slot) * shape.sentence_len + w];
  }
};

// Examples examples[indices[i]] for i < indices.size(). Throws std::invalid_argument when one does not fit
// the shape (more sentences or longer sentences/questions than it allows); supporting facts beyond
// supporting_len are dropped.
BabiBatch make_babi_batch(const std::vector<BabiExample>& examples, const std::vector<int>& indices,
                          const BabiBatchShape& shape);

}  // namespace mann
