#include "datasets/seq2seq/seq2seq_task.h"

#include <algorithm>

#include "framework/autodiff/errors.h"

namespace mann {

Seq2SeqBatch make_seq2seq_batch(std::vector<Seq2SeqExample> examples) {
  Seq2SeqBatch sb;
  sb.batch = static_cast<int>(examples.size());
  for (const Seq2SeqExample& e : examples) {
    sb.source_steps = std::max(sb.source_steps, static_cast<int>(e.source.size()));
    sb.target_steps = std::max(sb.target_steps, static_cast<int>(e.target.size()));
  }
  sb.source.assign(static_cast<size_t>(sb.batch * sb.source_steps), -1);
  sb.target.assign(static_cast<size_t>(sb.batch * sb.target_steps), -1);
  for (int b = 0; b < sb.batch; ++b) {
    const Seq2SeqExample& e = examples[static_cast<size_t>(b)];
    std::copy(e.source.begin(), e.source.end(), sb.source.begin() + b * sb.source_steps);
    std::copy(e.target.begin(), e.target.end(), sb.target.begin() + b * sb.target_steps);
  }
  sb.examples = std::move(examples);
  return sb;
}

std::vector<Seq2SeqExample> Seq2SeqTask::sample(int batch, Rng& rng, const LengthRange& lengths) const {
  std::vector<Seq2SeqExample> examples;
  for (int length : sequence_detail::draw_lengths(batch, rng, lengths))
    examples.push_back(generate(length, rng));
  return examples;
}

const LengthRange& Seq2SeqTask::split_lengths(const std::string& split) const {
  if (split == "train") return train_lengths_;
  if (split == "valid" || split == "test") return eval_lengths_;
  throw UserError(name() + " has no split `" + split + "` (train, valid or test)");
}

std::vector<Seq2SeqExample> Seq2SeqTask::sample_split(const std::string& split, int batch, Rng& rng) const {
  return sample(batch, rng, split_lengths(split));
}

void Seq2SeqTask::check_ranges() const {
  check_length_range(name(), train_lengths_, "training", min_allowed_length());
  check_length_range(name(), eval_lengths_, "evaluation", min_allowed_length());
}

namespace {
std::string words_of(const std::vector<std::string>& words, const std::vector<int>& ids) {
  std::string text;
  for (int id : ids) text += (text.empty() ? "" : " ") + words.at(static_cast<size_t>(id));
  return text;
}
}  // namespace

std::string Seq2SeqTask::source_text(const std::vector<int>& ids) const {
  return words_of(source_words_, ids);
}

std::string Seq2SeqTask::target_text(const std::vector<int>& ids) const {
  return words_of(target_words_, ids);
}

}  // namespace mann
