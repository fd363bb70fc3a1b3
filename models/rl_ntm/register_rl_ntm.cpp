#include "models/rl_ntm/register_rl_ntm.h"

#include "framework/components/bound_options.h"
#include "models/model_context.h"
#include "models/rl_ntm/rl_ntm_learner.h"

namespace mann {

namespace {

// The model's options and the learner's, each declared once (name, member, help, range).
const BoundOptions<RlNtmOptions>& model_fields() {
  static const auto fields =
      BoundOptions<RlNtmOptions>()
          .field("controller", &RlNtmOptions::controller,
                 "lstm, or direct: the input symbol also feeds the output layer (the paper's direct access)")
          .field("hidden", &RlNtmOptions::hidden, "LSTM units", at_least(1))
          .field("memory_width", &RlNtmOptions::memory_width, "reals per memory tape cell", at_least(1))
          .field("forward_only_input", &RlNtmOptions::forward_only_input,
                 "the input head moves 0/+1 only (always on for rl_forward_reverse)")
          .field("step_budget", &RlNtmOptions::step_budget,
                 "an episode lasts at most step_budget * (|input| + |output|) + 2 steps", above(0))
          .field("missing_penalty", &RlNtmOptions::missing_penalty,
                 "reward lost per output symbol never written; a written one earns log p(correct), at least "
                 "-missing_penalty",
                 above(0))
          .field("forced_writes", &RlNtmOptions::forced_writes,
                 "the output tape must be written once the steps left equal the symbols due (the authors' "
                 "constraint), so none goes missing")
          .field("action_scale", &RlNtmOptions::action_scale,
                 "multiplies the logits of the moves and the write decision: below 1 slows the policy's "
                 "learning against the symbols' (the authors' action_slowdown)",
                 above(0))
          .field("baseline_progress", &RlNtmOptions::baseline_progress,
                 "the per-step baseline also reads the symbols still due and the steps left, not only the "
                 "controller state")
          .field("input_window", &RlNtmOptions::input_window,
                 "input cells the controller reads on each side of the head (the authors': 2)", at_least(0))
          .field("memory_window", &RlNtmOptions::memory_window,
                 "memory cells the controller reads on each side of the head (the authors': 2-3)",
                 at_least(0))
          .field("state_to_output", &RlNtmOptions::state_to_output,
                 "direct controller: the controller state feeds the output layer too (false: the output "
                 "symbol comes from the tapes under the heads alone)")
          .field("direct_gates", &RlNtmOptions::direct_gates,
                 "direct controller: a sigmoid gate from the controller state on each direct connection "
                 "(the authors' super direct)");
  return fields;
}

const BoundOptions<RlNtmLearnerOptions>& learner_fields() {
  using L = RlNtmLearnerOptions;
  static const auto fields =
      BoundOptions<L>()
          .field("entropy_weight", &L::entropy_weight, "REINFORCE entropy bonus", at_least(0))
          .field("baseline_clip", &L::baseline_clip,
                 "gradient norm limit of the per-step baseline, before train.clip_norm (0: none)",
                 at_least(0))
          .field(
              "curriculum", [](L& o) -> bool& { return o.curriculum.enabled; },
              "the paper's curriculum: complexity from min_length up, lengths from a mixture")
          .field(
              "curriculum_threshold", [](L& o) -> float& { return o.curriculum.threshold; },
              "raise the complexity when the curriculum_signal is below this", between(0, 1))
          .field(
              "curriculum_gap", [](L& o) -> int64_t& { return o.curriculum.min_gap; },
              "updates between two raises", at_least(0))
          .field(
              "curriculum_signal", [](L& o) -> CurriculumSignal& { return o.curriculum.signal; },
              "what is compared with the threshold: the batch's normalised 0-1 loss (the paper's text), or "
              "level_average: a moving average of the loss of the examples at the current complexity (the "
              "authors' code)")
          .field(
              "curriculum_decay", [](L& o) -> float& { return o.curriculum.average_decay; },
              "level_average: the old average's weight at each update (the authors': 0.8)", between(0, 1))
          .field(
              "curriculum_geometric_extra", [](L& o) -> bool& { return o.curriculum.geometric_extra; },
              "each example's level is C + e, e ~ Geometric(1/2) on 0, 1, ..., for the up-to-C and the C "
              "shares (the authors' code)");
  return fields;
}

std::vector<OptionSpec> rl_ntm_specs() {
  std::vector<OptionSpec> specs = model_fields().specs();
  for (const OptionSpec& spec : learner_fields().specs()) specs.push_back(spec);
  return specs;
}

}  // namespace

void register_rl_ntm(Registry& r) {
  r.add<Learner, ModelContext>(
      {"model", "rl_ntm",
       "RL-NTM (Zaremba & Sutskever 2015): an LSTM controller moving an input, a memory and an output tape; "
       "the moves and write decisions trained by REINFORCE, the symbols by cross-entropy; the paper's "
       "curriculum.",
       rl_ntm_specs()},
      [](const ConfigView& v, ModelContext& c) -> std::unique_ptr<Learner> {
        SequenceDataset& data = c.dataset_as<SequenceDataset>(
            v, "sequence", "rl_copy, rl_duplicated_input, rl_reverse, rl_forward_reverse, rl_repeat_copy");
        if (!dynamic_cast<SymbolTapeTask*>(&data.task()))
          v.node().at("type").fail("rl_ntm learns the tape tasks (rl_copy, rl_reverse, ...), not `" +
                                   data.type() + "`");
        const RlNtmOptions o = model_fields().read(v);
        if (const char* key = option_needing_direct_controller(o))
          v.fail(key, "only the direct controller has direct connections to the output");
        RlNtmLearnerOptions lo = learner_fields().read(v);
        lo.batch = c.batches.batch;
        lo.eval_batch = c.batches.eval_batch;
        lo.eval_batches = c.batches.eval_batches;
        lo.eval_seed = c.eval_seed;
        auto params = std::make_unique<ParameterCollection>(c.seed);
        Rng init(c.seed);
        std::unique_ptr<SymbolTapeTask> task(static_cast<SymbolTapeTask*>(data.release().release()));
        return std::make_unique<RlNtmLearner>(std::move(task), std::move(params), o, lo, init);
      });
}

}  // namespace mann
