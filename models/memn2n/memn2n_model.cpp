#include "models/memn2n/memn2n_model.h"

#include "framework/addressing/soft_content.h"
#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"

namespace mann {

AddressingModuleFactory MemN2N::paper_addressing() {
  return [](const ParamScope& scope, AddressingShape shape, Rng& rng) -> std::unique_ptr<AddressingModule> {
    SoftContentOptions dot;
    dot.score = ContentScore::Dot;
    dot.project_key = false;
    return std::make_unique<SoftContentAddressing>(scope, shape, rng, dot);
  };
}

MemN2N::MemN2N(const ParamScope& scope, const MemN2NOptions& o, Rng& rng,
               const AddressingModuleFactory& addressing)
    : Module(scope), options_(o) {
  if (o.hops < 1) throw UserError("MemN2N needs at least one hop, got " + std::to_string(o.hops));
  if (o.dim < 1 || o.vocab < 1 || o.memory_size < 1)
    throw UserError("MemN2N needs positive dim, vocabulary and memory size");
  const Init init = Init::normal(0.f, o.init_std);
  auto words = [&](const std::string& name) { return &scope.add(name, o.vocab, o.dim, init, rng); };
  auto times = [&](const std::string& name) {
    return o.temporal ? &scope.add(name, o.memory_size, o.dim, init, rng) : nullptr;
  };
  const size_t K = static_cast<size_t>(o.hops);
  if (o.tying == WeightTying::Adjacent) {
    for (size_t k = 0; k <= K; ++k) {
      words_.push_back(words("E" + std::to_string(k)));
      times_.push_back(times("T" + std::to_string(k)));
    }
    for (size_t k = 0; k < K; ++k) {
      input_table_.push_back(k);
      output_table_.push_back(k + 1);
    }
    question_table_ = 0;
    answer_table_ = K;
  } else {
    words_ = {words("B"), words("A"), words("C"), words("W")};
    times_ = {nullptr, times("TA"), times("TC"), nullptr};
    h_ = &scope.add("H", o.dim, o.dim, init, rng);
    input_table_.assign(K, 1);
    output_table_.assign(K, 2);
    question_table_ = 0;
    answer_table_ = 3;
  }
  for (int k = 1; k <= o.hops; ++k)
    addressing_.push_back(addressing(scope.sub("hop" + std::to_string(k) + "/addressing"),
                                     AddressingShape{o.dim, o.dim, 0}, rng));  // slots: as padded per batch
  zero_nil();
}

bool MemN2N::has_linear_form() const {
  for (const auto& a : addressing_)
    if (!a->has_linear_form()) return false;
  return true;
}

bool MemN2N::needs_reinforce() const {
  for (const auto& a : addressing_)
    if (a->needs_reinforce()) return true;
  return false;
}

Var MemN2N::encode_memory(Tape& tape, size_t table, const MemN2NInput& in) const {
  Var e = tape.param(*words_[table]);
  Var m = in.sentence_pe.size() ? bag_of_words(e, in.sentences, in.sentence_len, in.sentence_pe)
                                : bag_of_words(e, in.sentences, in.sentence_len);
  if (times_[table]) m = add(m, gather_rows(tape.param(*times_[table]), in.time));
  return m;
}

MemN2N::Output MemN2N::forward(Tape& tape, const MemN2NInput& in, AddressingContext& ctx) const {
  Var b = tape.param(*words_[question_table_]);
  Var u = in.question_pe.size() ? bag_of_words(b, in.question, in.question_len, in.question_pe)
                                : bag_of_words(b, in.question, in.question_len);
  // Each table's memory encoding is built once: with adjacent tying C^k doubles as A^{k+1}.
  std::vector<Var> memories(words_.size());
  auto memory = [&](size_t table) {
    if (!memories[table].valid()) memories[table] = encode_memory(tape, table, in);
    return memories[table];
  };
  Output out;
  for (size_t k = 0; k < input_table_.size(); ++k) {
    Var m = memory(input_table_[k]);
    Var p = addressing_[k]->address(tape, m, &in.mask, u, Var{}, ctx, "hop" + std::to_string(k + 1));
    Var o = memory_read(p, memory(output_table_[k]));
    u = apply(options_.hop_activation, add(h_ ? matmul(u, tape.param(*h_)) : u, o));
    out.attention.push_back(p);
  }
  out.logits = matmul(u, transpose(tape.param(*words_[answer_table_])));
  return out;
}

void MemN2N::zero_nil() {
  for (Parameter* p : words_) p->value.row(0).setZero();
}

}  // namespace mann
