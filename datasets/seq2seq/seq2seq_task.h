#pragma once
// Generated sequence-to-sequence tasks (reversal, toy translation): a source sentence of token ids and the
// target sentence it maps to, drawn from an Rng so the same seed gives the same examples. Lengths count
// source tokens; evaluation may use longer sentences than training, to measure generalisation by length.
#include <string>
#include <vector>

#include "datasets/algorithmic/sequence_task.h"
#include "framework/util/rng.h"

namespace mann {

// Target id 0 of every task is the end-of-sentence token: each target ends with it.
inline constexpr int kEndOfSentence = 0;

struct Seq2SeqExample {
  std::vector<int> source;  // ids into source_words()
  std::vector<int> target;  // ids into target_words(), ending with kEndOfSentence
};

// Examples padded to a rectangle, example-major: source[b * source_steps + t], target[b * target_steps + t];
// padding is -1 (the nil id of Embedding and the ignored target of softmax_cross_entropy).
struct Seq2SeqBatch {
  int batch = 0;
  int source_steps = 0;
  int target_steps = 0;
  std::vector<int> source;
  std::vector<int> target;
  std::vector<Seq2SeqExample> examples;

  int source_length(int b) const { return static_cast<int>(examples[static_cast<size_t>(b)].source.size()); }
};

Seq2SeqBatch make_seq2seq_batch(std::vector<Seq2SeqExample> examples);

class Seq2SeqTask {
 public:
  virtual ~Seq2SeqTask() = default;

  virtual std::string name() const = 0;
  const std::vector<std::string>& source_words() const { return source_words_; }
  const std::vector<std::string>& target_words() const { return target_words_; }  // [0] = "<eos>"

  // One example whose source has exactly `length` tokens.
  virtual Seq2SeqExample generate(int length, Rng& rng) const = 0;
  // Examples with lengths drawn uniformly from `lengths`.
  std::vector<Seq2SeqExample> sample(int batch, Rng& rng, const LengthRange& lengths) const;

  const LengthRange& train_lengths() const { return train_lengths_; }
  const LengthRange& eval_lengths() const { return eval_lengths_; }
  virtual int min_allowed_length() const { return 1; }

  // Words of ids, separated by spaces.
  std::string source_text(const std::vector<int>& ids) const;
  std::string target_text(const std::vector<int>& ids) const;

 protected:
  Seq2SeqTask(std::vector<std::string> source_words, std::vector<std::string> target_words, LengthRange train,
              LengthRange eval)
      : source_words_(std::move(source_words)),
        target_words_(std::move(target_words)),
        train_lengths_(train),
        eval_lengths_(eval) {}
  // Derived constructors call this once their own options are checked (no virtual calls in constructors).
  void check_ranges() const;

 private:
  std::vector<std::string> source_words_;
  std::vector<std::string> target_words_;
  LengthRange train_lengths_;
  LengthRange eval_lengths_;
};

}  // namespace mann
