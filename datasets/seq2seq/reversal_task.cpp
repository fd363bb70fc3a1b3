#include "datasets/seq2seq/reversal_task.h"

#include "framework/autodiff/errors.h"

namespace mann {
namespace {

// "a".."z", then "s26", "s27", ... for larger vocabularies.
std::vector<std::string> symbol_names(int symbols) {
  std::vector<std::string> names;
  for (int i = 0; i < symbols; ++i)
    names.push_back(i < 26 ? std::string(1, static_cast<char>('a' + i)) : "s" + std::to_string(i));
  return names;
}

std::vector<std::string> with_end_of_sentence(std::vector<std::string> words) {
  words.insert(words.begin(), "<eos>");
  return words;
}

int checked_symbols(int symbols) {
  if (symbols < 2) throw UserError("reversal task: symbols must be >= 2, got " + std::to_string(symbols));
  return symbols;
}

}  // namespace

ReversalTask::ReversalTask(const ReversalTaskOptions& o)
    : Seq2SeqTask(symbol_names(checked_symbols(o.symbols)), with_end_of_sentence(symbol_names(o.symbols)),
                  LengthRange{o.min_length, o.max_length},
                  sequence_detail::eval_or_train(o.eval_min_length, o.eval_max_length,
                                                 LengthRange{o.min_length, o.max_length})),
      symbols_(o.symbols) {
  check_ranges();
}

Seq2SeqExample ReversalTask::generate(int length, Rng& rng) const {
  Seq2SeqExample e;
  for (int i = 0; i < length; ++i) e.source.push_back(rng.uniform_int(symbols_));
  // Target symbol s is id s + 1: id 0 is <eos>.
  for (auto it = e.source.rbegin(); it != e.source.rend(); ++it) e.target.push_back(*it + 1);
  e.target.push_back(kEndOfSentence);
  return e;
}

}  // namespace mann
