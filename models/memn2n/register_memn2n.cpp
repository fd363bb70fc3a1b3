#include "models/memn2n/register_memn2n.h"

#include "framework/addressing/soft_content.h"
#include "framework/components/addressing_components.h"
#include "framework/components/spec_helpers.h"
#include "models/memn2n/memn2n_learner.h"
#include "models/model_context.h"

namespace mann {

void register_memn2n(Registry& r) {
  const MemN2NOptions m;
  const MemN2NLearnerOptions l;
  r.add<Learner, ModelContext>(
      {"model",
       "memn2n",
       "End-To-End Memory Network (Sukhbaatar et al. 2015) for bAbI QA: K hops of attention over sentence "
       "memories, answer over the vocabulary.",
       {option("hops", "int", m.hops, "memory hops K"),
        option("dim", "int", m.dim, "embedding dimension d"),
        enum_option("tying", m.tying, "weight tying: adjacent or layerwise (with H)"),
        enum_option("encoding", m.encoding,
                    "sentence encoding: bow, pe (the paper's printed formula) or pe_centered (the "
                    "authors' code; the shipped bAbI recipe, needed for the paper's Table 1). The default "
                    "stays pe so that checkpoints saved without this key keep their meaning"),
        option("temporal", "bool", m.temporal, "temporal encoding of memory order (TE)"),
        enum_option("hop_activation", m.hop_activation,
                    "applied to the controller state after every hop: none (the paper's equations) or relu "
                    "(the non-linear variant, the authors' code's add_nonlin)"),
        option("init_std", "float", m.init_std, "weights ~ N(0, init_std)").in(at_least(0)),
        option("linear_start", "bool", l.linear_start.enabled,
               "LS: no attention softmax until validation loss stops falling"),
        option("ls_lr_factor", "float", l.linear_start.lr_factor,
               "LS learning rate relative to the optimizer's (0.005/0.01)")
            .in(above(0)),
        option("ls_max_epochs", "int", l.linear_start.max_epochs,
               "LS ends after this many epochs at the latest (0: no cap)"),
        option("ls_fixed", "bool", l.linear_start.fixed,
               "LS lasts exactly ls_max_epochs, ignoring the validation loss"),
        option("ls_patience", "int", l.linear_start.patience,
               "LS ends after this many epochs without a lower validation loss"),
        option("ls_restart_schedule", "bool", l.linear_start.restart_schedule,
               "the learning-rate schedule starts over when LS ends (the authors' code)"),
        option("random_noise", "float", l.random_noise,
               "RN: fraction of empty memories inserted in training (0.1)")
            .in(between(0, 1)),
        option("attend_empty_slots", "bool", l.attend_empty_slots,
               "padded memory slots stay in the softmax as zero memories (the authors' code; the shipped "
               "bAbI recipe sets true, needed for the paper's Table 1; the default stays the paper's text "
               "so that checkpoints saved without this key keep their meaning)"),
        option("sum_loss", "bool", l.sum_loss,
               "cross-entropy summed over the batch (paper) instead of averaged"),
        option("attention_examples", "int", l.attention_examples,
               "test questions whose attention checkpoints keep"),
        option("addressing", "component:addressing", std::string("{type: soft_content, score: dot}"),
               "how each hop weights its memories (paper: soft dot; hard or gumbel for hard attention)"),
        option("entropy_weight", "float", l.entropy_weight, "REINFORCE entropy bonus (hard attention)")
            .in(at_least(0)),
        enum_option("reward", l.reward,
                    "REINFORCE reward of hard attention: correct (1/0), likelihood or log_likelihood of the "
                    "answer")}},
      [](const ConfigView& v, ModelContext& c) -> std::unique_ptr<Learner> {
        QaDataset& data = c.dataset_as<QaDataset>(v, "qa", "babi");
        MemN2NOptions o;
        o.hops = v.get<int>("hops");
        o.dim = v.get<int>("dim");
        o.temporal = v.get<bool>("temporal");
        o.hop_activation = v.get<Activation>("hop_activation");
        o.init_std = v.get<float>("init_std");
        o.tying = v.get<WeightTying>("tying");
        o.encoding = v.get<SentenceEncoding>("encoding");
        for (const char* key : {"hops", "dim"})
          if (v.get<int>(key) <= 0) v.fail(key, "must be positive");
        MemN2NLearnerOptions lo;
        lo.batch = c.batches.batch;
        lo.eval_batch = c.batches.eval_batch;
        lo.sum_loss = v.get<bool>("sum_loss");
        lo.linear_start.enabled = v.get<bool>("linear_start");
        lo.linear_start.lr_factor = v.get<float>("ls_lr_factor");
        lo.linear_start.max_epochs = v.get<int>("ls_max_epochs");
        lo.linear_start.fixed = v.get<bool>("ls_fixed");
        lo.linear_start.patience = v.get<int>("ls_patience");
        lo.linear_start.restart_schedule = v.get<bool>("ls_restart_schedule");
        if (lo.linear_start.patience < 1) v.fail("ls_patience", "must be at least 1");
        lo.random_noise = v.get<float>("random_noise");
        lo.attend_empty_slots = v.get<bool>("attend_empty_slots");
        lo.attention_examples = v.get<int>("attention_examples");
        lo.entropy_weight = v.get<float>("entropy_weight");
        lo.reward = v.get<RewardKind>("reward");
        lo.seed = c.seed;
        if (lo.random_noise < 0.f || lo.random_noise > 1.f) v.fail("random_noise", "must be in [0, 1]");
        if (lo.linear_start.lr_factor <= 0.f) v.fail("ls_lr_factor", "must be positive");
        try {  // the learner asks the built model whether linear start applies; the key says where
          return std::make_unique<MemN2NLearner>(std::move(data.data()),
                                                 std::make_unique<ParameterCollection>(c.seed), o, lo,
                                                 addressing_factory(v, "addressing"));
        } catch (const LinearStartUnsupported& e) {
          v.fail("linear_start", e.what());
        }
      });
}

}  // namespace mann
