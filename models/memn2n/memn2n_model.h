#pragma once
// The End-To-End Memory Network (Sukhbaatar et al. 2015) for question answering: K hops of soft attention
// over sentence memories, then an answer distribution over the vocabulary.
//
//   u^1 = sum_j l_j . B q_j                         (question; l_j = 1 for bag of words)
//   m_i = sum_j l_j . A^k x_ij + T_A^k(i)           (input memories; c_i likewise with C^k, T_C^k)
//   p^k = softmax(u^k . m_i),  o^k = sum_i p_i c_i  (one hop: the hop's addressing module)
//   u^{k+1} = u^k + o^k   (adjacent)   or   H u^k + o^k   (layer-wise)
//   a = softmax(W u^{K+1})
#include <memory>
#include <vector>

#include "framework/autodiff/tape.h"
#include "framework/components/addressing_components.h"
#include "framework/nn/parameter_collection.h"
#include "models/memn2n/memn2n_input.h"
#include "models/memn2n/memn2n_options.h"

namespace mann {

class MemN2N : public Module {
 public:
  // Parameters under `scope`. Adjacent tying: E0..EK (V x d) with B = A^1 = E0, C^k = A^{k+1} = Ek,
  // W^T = EK, and temporal tables T0..TK (memory_size x d) tied the same way. Layer-wise: B, A, C, W,
  // TA, TC and H (d x d). Hop k's addressing module is built by `addressing` under hop<k>/addressing
  // (query and memory width d, memory_size slots); the default is the paper's soft dot-product attention.
  MemN2N(const ParamScope& scope, const MemN2NOptions& options, Rng& rng,
         const AddressingModuleFactory& addressing = paper_addressing());

  // soft_content with dot scores and no key projection: p = softmax(u . m_i).
  static AddressingModuleFactory paper_addressing();

  struct Output {
    Var logits;                  // (B x V) answer scores
    std::vector<Var> attention;  // per hop, (B x N) weights over memory slots
  };
  // ctx: training (hard attention samples, gumbel adds noise), rng, step, recorder (series "hop<k>"),
  // policy (where hard hops log their choices for REINFORCE), linear (linear start: every hop's
  // p = u . m_i without the softmax; needs has_linear_form()).
  Output forward(Tape& tape, const MemN2NInput& in, AddressingContext& ctx) const;

  // Sets the nil word's row (id 0) of every word table back to zero (after each update: nil carries no
  // meaning, and zero keeps padding-free sentences and padded ones identical).
  void zero_nil();

  const MemN2NOptions& options() const { return options_; }
  const AddressingModule& addressing(int hop) const { return *addressing_[static_cast<size_t>(hop)]; }
  bool needs_reinforce() const;  // some hop makes hard choices, so training adds REINFORCE
  bool has_linear_form() const;  // every hop's addressing has a linear form (so linear start can run)

 private:
  Var encode_memory(Tape& tape, size_t table, const MemN2NInput& in) const;

  MemN2NOptions options_;
  std::vector<Parameter*> words_;  // word embedding tables
  std::vector<Parameter*> times_;  // temporal table of each word table used for memories (or nullptr)
  Parameter* h_ = nullptr;         // layer-wise map
  std::vector<size_t> input_table_, output_table_;  // per hop: which word table encodes m_i and c_i
  size_t question_table_ = 0, answer_table_ = 0;
  std::vector<std::unique_ptr<AddressingModule>> addressing_;  // per hop
};

}  // namespace mann
