#include "models/register_models.h"

#include "framework/components/spec_helpers.h"
#include "framework/train/learner.h"
#include "models/captioning/register_captioning.h"
#include "models/image/register_image_models.h"
#include "models/memn2n/register_memn2n.h"
#include "models/model_context.h"
#include "models/ntm/ntm_config.h"
#include "models/ram/register_ram.h"
#include "models/readers/register_readers.h"
#include "models/retrieval/register_retrieval.h"
#include "models/rl_ntm/register_rl_ntm.h"
#include "models/seq2seq/register_seq2seq.h"
#include "models/sequence/lstm_sequence_model.h"
#include "models/sequence/sequence_learner.h"

namespace mann {
namespace {

constexpr const char* kSequenceTasks =
    "copy, repeat_copy, associative_recall, priority_sort, sort, rl_copy, rl_duplicated_input, rl_reverse, "
    "rl_forward_reverse, rl_repeat_copy";

// Options of the sequence learner, shared by every model of the sequence tasks.
std::vector<OptionSpec> with_sequence_learner_specs(std::vector<OptionSpec> specs) {
  const SequenceLearnerOptions d;
  specs.push_back(
      option("curriculum_start", "int", d.curriculum_start,
             "curriculum: maximum training length at step 0, raised by one every curriculum_every "
             "steps up to the dataset's max_length (0: off)"));
  specs.push_back(
      option("curriculum_every", "int", d.curriculum_every, "curriculum: steps per +1 of length"));
  specs.push_back(option("entropy_weight", "float", d.entropy_weight,
                         "REINFORCE entropy bonus (hard attention heads; reward: -loss of each sequence)"));
  return specs;
}

SequenceLearnerOptions sequence_options(const ConfigView& v, const ModelContext& c) {
  SequenceLearnerOptions o;
  o.batch = c.batches.batch;
  o.eval_batch = c.batches.eval_batch;
  o.eval_batches = c.batches.eval_batches;
  o.curriculum_start = v.get<int>("curriculum_start");
  o.curriculum_every = v.get<int64_t>("curriculum_every");
  o.entropy_weight = v.get<float>("entropy_weight");
  o.eval_seed = c.eval_seed;
  if (o.curriculum_start < 0) v.fail("curriculum_start", "must be >= 0 (0: off)");
  if (o.curriculum_every <= 0) v.fail("curriculum_every", "must be positive");
  return o;
}

void register_lstm(Registry& r) {
  r.add<Learner, ModelContext>(
      {"model", "lstm", "LSTM baseline for sequence tasks: stacked LSTM layers and a linear read-out.",
       with_sequence_learner_specs({option("hidden", "int", 100, "units per LSTM layer"),
                                    option("layers", "int", 1, "stacked LSTM layers")})},
      [](const ConfigView& v, ModelContext& c) -> std::unique_ptr<Learner> {
        SequenceDataset& data = c.dataset_as<SequenceDataset>(v, "sequence", kSequenceTasks);
        if (v.get<int>("hidden") <= 0) v.fail("hidden", "must be positive");
        if (v.get<int>("layers") <= 0) v.fail("layers", "must be positive");
        auto params = std::make_unique<ParameterCollection>(c.seed);
        Rng init(c.seed);
        auto model = std::make_unique<LstmSequenceModel>(params->scope("model"), data.task().input_width(),
                                                         data.task().output_width(), v.get<int>("hidden"),
                                                         v.get<int>("layers"), init);
        return std::make_unique<SequenceLearner>(data.release(), std::move(params), std::move(model),
                                                 sequence_options(v, c));
      });
}

void register_ntm(Registry& r) {
  r.add<Learner, ModelContext>(
      {"model", "ntm",
       "Neural Turing Machine (Graves et al. 2014): controller, N x M memory, read and write heads with "
       "swappable addressing, erase/add writes.",
       with_sequence_learner_specs(ntm_option_specs())},
      [](const ConfigView& v, ModelContext& c) -> std::unique_ptr<Learner> {
        SequenceDataset& data = c.dataset_as<SequenceDataset>(v, "sequence", kSequenceTasks);
        auto params = std::make_unique<ParameterCollection>(c.seed);
        Rng init(c.seed);
        auto model = std::make_unique<NTMSequenceModel>(params->scope("model"), data.task().input_width(),
                                                        data.task().output_width(), read_ntm_options(v), init,
                                                        ntm_addressing_from(v));
        return std::make_unique<SequenceLearner>(data.release(), std::move(params), std::move(model),
                                                 sequence_options(v, c));
      });
}

}  // namespace

void register_models(Registry& registry) {
  register_lstm(registry);
  register_ntm(registry);
  register_memn2n(registry);
  register_retrieval_models(registry);
  register_seq2seq(registry);
  register_rl_ntm(registry);
  register_image_models(registry);
  register_ram(registry);
  register_captioning(registry);
  register_readers(registry);
}

}  // namespace mann
