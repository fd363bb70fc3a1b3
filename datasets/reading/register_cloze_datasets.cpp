#include "datasets/reading/register_cloze_datasets.h"

#include "datasets/babi/babi_files.h"
#include "datasets/data_dir.h"
#include "datasets/reading/babi_cloze.h"
#include "datasets/reading/cloze_corpus.h"
#include "datasets/reading/entity_anonymiser.h"
#include "datasets/reading/question_file.h"
#include "datasets/reading/story_generator.h"
#include "framework/autodiff/errors.h"
#include "framework/components/spec_helpers.h"

namespace mann {
namespace {

std::string data_dir_of(const ConfigView& v, const DatasetContext& c) {
  return c.data_dir.empty() ? v.get<std::string>("data_dir") : c.data_dir;
}

void register_babi_cloze(Registry& r) {
  r.add<Dataset, DatasetContext>(
      {"dataset",
       "babi_cloze",
       "bAbI v1.2 questions as cloze questions (Hermann et al. 2015 style): the story's statements are the "
       "document, the question a query with @placeholder, names, objects and places anonymised as @entityN "
       "(renumbered per question). Questions whose answer is not an entity of the story are dropped. With "
       "as_qa the same questions come as a qa dataset, for MemN2N.",
       {option("task", "string", std::string("1"), "task number 1..20, a list \"1,2,5\", or joint"),
        option("ten_k", "bool", false, "use en-10k instead of en"),
        option("memory_size", "int", 50, "most recent statements kept in the document").in(between(1, 1000)),
        option("data_dir", "string", std::string(""),
               "data directory ('': --data-dir, else MANN_DATA, else ./data)"),
        option("valid_fraction", "float", 0.1, "share of each task's training questions held out")
            .in(from_up_to_excluding(0, 1)),
        option("seed", "int", 0, "entity numbering and the held-out questions"),
        option("as_qa", "bool", false,
               "a qa dataset of the same questions (statements as memories, the query as the question), "
               "for the memn2n model")}},
      [](const ConfigView& v, DatasetContext& c) -> std::unique_ptr<Dataset> {
        const std::string task_text = v.get<std::string>("task");
        std::vector<int> tasks;
        try {
          tasks = parse_babi_tasks(task_text);
        } catch (const UserError& e) {
          v.fail("task", e.what());
        }
        const std::string chosen = data_dir_of(v, c);
        const std::string dir = resolve_data_dir(chosen), origin = data_dir_origin(chosen);
        BabiOptions options;
        options.ten_k = v.get<bool>("ten_k");
        options.memory_size = v.get<int>("memory_size");
        options.valid_fraction = v.get<double>("valid_fraction");
        options.split_seed = static_cast<uint64_t>(v.get<int64_t>("seed"));
        Rng rng(options.split_seed);
        std::vector<BabiFile> train_files, test_files;
        int skipped = 0;
        for (int task : tasks) {
          const BabiFileNames names = babi_task_file_names(task);
          for (auto [name, files] :
               {std::pair{&names.train, &train_files}, std::pair{&names.test, &test_files}}) {
            AnonymisedBabi a =
                anonymise_babi_file(parse_babi_file(find_babi_file(dir, origin, options.ten_k, *name), task),
                                    options.memory_size, rng);
            skipped += a.skipped;
            files->push_back(std::move(a.file));
          }
        }
        BabiDataset data = build_babi_dataset(train_files, test_files, options);
        if (data.train.empty() || data.valid.empty() || data.test.empty())
          v.fail("task", "too few questions of these tasks have an entity of their story as the answer");
        if (v.get<bool>("as_qa")) return std::make_unique<QaDataset>(task_text, std::move(data));
        const auto clozes = [&](const std::vector<BabiExample>& examples) {
          std::vector<ClozeText> out;
          for (const BabiExample& e : examples) out.push_back(babi_example_as_cloze(e, data.vocab));
          return out;
        };
        ClozeCorpus corpus = build_cloze_corpus(clozes(data.train), clozes(data.valid), clozes(data.test));
        corpus.skipped = skipped;
        return std::make_unique<ClozeDataset>("babi_cloze", std::move(corpus));
      });
}

void register_story_cloze(Registry& r) {
  const StoryGeneratorOptions d;
  r.add<Dataset, DatasetContext>(
      {"dataset",
       "story_cloze",
       "Generated cloze stories, longer than bAbI's: facts about people (home, purchases, employer, whom "
       "they "
       "met) among distractor people and place sentences; the query asks one fact in other words. A fixed, "
       "seeded corpus; entities anonymised and renumbered per story.",
       {option("min_facts", "int", d.min_facts, "fewest facts per story").in(between(1, 56)),
        option("max_facts", "int", d.max_facts, "most facts per story").in(between(1, 56)),
        option("filler_rate", "float", static_cast<double>(d.filler_rate),
               "chance of a place sentence after a fact")
            .in(between(0, 1)),
        option("train_questions", "int", 5000, "stories in the training split").in(between(1, 10000000)),
        option("eval_questions", "int", 500, "stories in the validation and in the test split")
            .in(between(1, 10000000)),
        option("seed", "int", 0, "seeds the stories (not the experiment seed)")}},
      [](const ConfigView& v, DatasetContext&) -> std::unique_ptr<Dataset> {
        StoryGeneratorOptions o;
        o.min_facts = v.get<int>("min_facts");
        o.max_facts = v.get<int>("max_facts");
        o.filler_rate = v.get<float>("filler_rate");
        try {
          check_story_options(o);
        } catch (const UserError& e) {
          v.fail("max_facts", e.what());
        }
        const uint64_t seed = static_cast<uint64_t>(v.get<int64_t>("seed"));
        const auto stories = [&](int n, uint64_t stream) {
          Rng rng(seed * 3 + stream);
          std::vector<ClozeText> out;
          for (int i = 0; i < n; ++i) out.push_back(generate_story_cloze(o, rng));
          return out;
        };
        return std::make_unique<ClozeDataset>("story_cloze",
                                              build_cloze_corpus(stories(v.get<int>("train_questions"), 0),
                                                                 stories(v.get<int>("eval_questions"), 1),
                                                                 stories(v.get<int>("eval_questions"), 2)));
      });
}

void register_rc_questions(Registry& r) {
  r.add<Dataset, DatasetContext>(
      {"dataset",
       "rc_questions",
       "CNN / Daily Mail questions (Hermann et al. 2015) from the rc-data .question files under "
       "<data_dir>/<corpus>/questions/{training,validation,test}; entities renumbered per question.",
       {option("corpus", "string", std::string("cnn"), "cnn or dailymail"),
        option("data_dir", "string", std::string(""),
               "data directory ('': --data-dir, else MANN_DATA, else ./data)"),
        option("max_train", "int", 0, "training questions read, first by file name (0: all)")
            .in(between(0, 100000000)),
        option("max_eval", "int", 0, "validation and test questions read each (0: all)")
            .in(between(0, 100000000)),
        option("seed", "int", 0, "entity renumbering")}},
      [](const ConfigView& v, DatasetContext& c) -> std::unique_ptr<Dataset> {
        const std::string corpus = v.get<std::string>("corpus");
        if (corpus != "cnn" && corpus != "dailymail") v.fail("corpus", "must be cnn or dailymail");
        const std::string dir = resolve_data_dir(data_dir_of(v, c));
        Rng rng(static_cast<uint64_t>(v.get<int64_t>("seed")));
        const auto read = [&](const char* split, int max) {
          std::vector<ClozeText> out;
          for (const std::string& f : question_files(dir, corpus, split, max))
            out.push_back(renumber_entities(read_question_file(f), rng));
          return out;
        };
        const int max_eval = v.get<int>("max_eval");
        // One split after the other, so that a missing download is reported at its training split.
        std::vector<ClozeText> train = read("training", v.get<int>("max_train"));
        std::vector<ClozeText> valid = read("validation", max_eval);
        std::vector<ClozeText> test = read("test", max_eval);
        return std::make_unique<ClozeDataset>("rc_questions", build_cloze_corpus(train, valid, test));
      });
}

}  // namespace

void register_cloze_datasets(Registry& r) {
  register_babi_cloze(r);
  register_story_cloze(r);
  register_rc_questions(r);
}

}  // namespace mann
