#include "models/rl_ntm/register_rl_ntm.h"

#include "framework/components/spec_helpers.h"
#include "models/model_context.h"
#include "models/rl_ntm/rl_ntm_learner.h"

namespace mann {

void register_rl_ntm(Registry& r) {
  const RlNtmOptions m;
  const RlNtmLearnerOptions l;
  r.add<Learner, ModelContext>(
      {"model",
       "rl_ntm",
       "RL-NTM (Zaremba & Sutskever 2015): an LSTM controller moving an input, a memory and an output tape; "
       "the moves and write decisions trained by REINFORCE, the symbols by cross-entropy; the paper's "
       "curriculum.",
       {enum_option(
            "controller", m.controller,
            "lstm, or direct: the input symbol also feeds the output layer (the paper's direct access)"),
        option("hidden", "int", m.hidden, "LSTM units").in(at_least(1)),
        option("memory_width", "int", m.memory_width, "reals per memory tape cell").in(at_least(1)),
        option("forward_only_input", "bool", m.forward_only_input,
               "the input head moves 0/+1 only (always on for rl_forward_reverse)"),
        option("step_budget", "float", m.step_budget,
               "an episode lasts at most step_budget * (|input| + |output|) + 2 steps")
            .in(above(0)),
        option("missing_penalty", "float", m.missing_penalty,
               "reward lost per output symbol never written; a written one earns log p(correct), at least "
               "-missing_penalty")
            .in(above(0)),
        option("forced_writes", "bool", m.forced_writes,
               "the output tape must be written once the steps left equal the symbols due (the authors' "
               "constraint), so none goes missing"),
        option("action_scale", "float", m.action_scale,
               "multiplies the logits of the moves and the write decision: below 1 slows the policy's "
               "learning against the symbols' (the authors' action_slowdown)")
            .in(above(0)),
        option("baseline_progress", "bool", m.baseline_progress,
               "the per-step baseline also reads the symbols still due and the steps left, not only the "
               "controller state"),
        option("entropy_weight", "float", l.entropy_weight, "REINFORCE entropy bonus").in(at_least(0)),
        option("baseline_clip", "float", l.baseline_clip,
               "gradient norm limit of the per-step baseline, before train.clip_norm (0: none)")
            .in(at_least(0)),
        option("curriculum", "bool", l.curriculum.enabled,
               "the paper's curriculum: complexity from min_length up, lengths from a mixture"),
        option("curriculum_threshold", "float", l.curriculum.threshold,
               "raise the complexity when the training batch's normalised 0-1 loss is below this")
            .in(between(0, 1)),
        option("curriculum_gap", "int", l.curriculum.min_gap, "updates between two raises").in(at_least(0))}},
      [](const ConfigView& v, ModelContext& c) -> std::unique_ptr<Learner> {
        SequenceDataset& data = c.dataset_as<SequenceDataset>(
            v, "sequence", "rl_copy, rl_duplicated_input, rl_reverse, rl_forward_reverse, rl_repeat_copy");
        if (!dynamic_cast<SymbolTapeTask*>(&data.task()))
          v.node().at("type").fail("rl_ntm learns the tape tasks (rl_copy, rl_reverse, ...), not `" +
                                   data.type() + "`");
        RlNtmOptions o;
        o.controller = v.get<RlControllerKind>("controller");
        o.hidden = v.get<int>("hidden");
        o.memory_width = v.get<int>("memory_width");
        o.forward_only_input = v.get<bool>("forward_only_input");
        o.step_budget = v.get<float>("step_budget");
        o.missing_penalty = v.get<float>("missing_penalty");
        o.action_scale = v.get<float>("action_scale");
        o.forced_writes = v.get<bool>("forced_writes");
        o.baseline_progress = v.get<bool>("baseline_progress");
        RlNtmLearnerOptions lo;
        lo.batch = c.batches.batch;
        lo.eval_batch = c.batches.eval_batch;
        lo.eval_batches = c.batches.eval_batches;
        lo.entropy_weight = v.get<float>("entropy_weight");
        lo.baseline_clip = v.get<double>("baseline_clip");
        lo.curriculum.enabled = v.get<bool>("curriculum");
        lo.curriculum.threshold = v.get<float>("curriculum_threshold");
        lo.curriculum.min_gap = v.get<int64_t>("curriculum_gap");
        lo.eval_seed = c.eval_seed;
        auto params = std::make_unique<ParameterCollection>(c.seed);
        Rng init(c.seed);
        std::unique_ptr<SymbolTapeTask> task(static_cast<SymbolTapeTask*>(data.release().release()));
        return std::make_unique<RlNtmLearner>(std::move(task), std::move(params), o, lo, init);
      });
}

}  // namespace mann
