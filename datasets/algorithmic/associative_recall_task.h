#pragma once
// Associative recall (NTM paper, sec. 4.3): read a list of items, then a query item; output the item that
// followed the query in the list. Tests content-based lookup followed by a location shift.
#include "datasets/algorithmic/sequence_task.h"

namespace mann {

struct AssociativeRecallTaskOptions {
  int bits = 6;
  int item_length = 3;  // vectors per item
  int min_items = 2;    // the "length" of this task is its number of items
  int max_items = 6;
  int eval_min_items = 0;  // 0/0: same as training
  int eval_max_items = 0;
};

// Input width bits + 2: channel `bits` is the item delimiter, channel `bits`+1 the query delimiter.
// Output width bits. With n items of I vectors each:
//   item k (k < n): step k*(I+1) item delimiter, steps k*(I+1)+1..k*(I+1)+I its vectors;
//   q0 = n*(I+1): query delimiter, q0+1..q0+I the query item, q0+I+1 query delimiter;
//   q0+I+2..q0+2I+1 target: the item after the query (mask 1). n*(I+1)+2I+2 steps in all.
// The query is uniform over items 0..n-2, and the items of one example are distinct so the answer is unique.
class AssociativeRecallTask : public SequenceTask {
 public:
  explicit AssociativeRecallTask(const AssociativeRecallTaskOptions& options = {});

  std::string name() const override { return "associative_recall"; }
  int input_width() const override { return bits_ + 2; }
  int output_width() const override { return bits_; }
  int item_length() const { return item_length_; }
  SequenceBatch sample(int batch, Rng& rng, const LengthRange& items) const override;

 protected:
  int min_allowed_length() const override { return 2; }

 private:
  int bits_;
  int item_length_;
};

}  // namespace mann
