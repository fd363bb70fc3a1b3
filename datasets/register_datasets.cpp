#include "datasets/register_datasets.h"

#include "datasets/algorithmic/associative_recall_task.h"
#include "datasets/algorithmic/copy_task.h"
#include "datasets/algorithmic/priority_sort_task.h"
#include "datasets/algorithmic/repeat_copy_task.h"
#include "datasets/algorithmic/sort_task.h"
#include "datasets/babi/babi_files.h"
#include "datasets/data_dir.h"
#include "datasets/dataset.h"
#include "datasets/image/corner_square.h"
#include "datasets/image/fashion_mnist.h"
#include "datasets/image/image_dataset.h"
#include "datasets/reading/register_cloze_datasets.h"
#include "datasets/retrieval_dataset.h"
#include "datasets/rl_tapes/symbol_tape_task.h"
#include "datasets/scenes/captioned_image_dataset.h"
#include "datasets/seq2seq/reversal_task.h"
#include "datasets/seq2seq/seq2seq_dataset.h"
#include "datasets/seq2seq/toy_translation_task.h"
#include "datasets/treebank/treebank_task.h"
#include "framework/components/spec_helpers.h"

namespace mann {
namespace {

// Sequence tasks share the length options; `what` names the length ("length", "items").
std::vector<OptionSpec> length_options(const char* what, int min_value, int max_value) {
  const std::string w = what;
  return {option("min_" + w, "int", min_value, "smallest training " + w),
          option("max_" + w, "int", max_value, "largest training " + w),
          option("eval_min_" + w, "int", 0, "smallest evaluation " + w + " (0: as in training)"),
          option("eval_max_" + w, "int", 0, "largest evaluation " + w + " (0: as in training)")};
}

std::vector<OptionSpec> with(std::vector<OptionSpec> a, const std::vector<OptionSpec>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

void register_babi(Registry& r) {
  const BabiOptions babi;
  r.add<Dataset, DatasetContext>(
      {"dataset",
       "babi",
       "bAbI QA tasks v1.2 (Weston et al. 2015): stories, questions and one-word answers, as MemN2N reads "
       "them.",
       {option("task", "string", std::string("1"), "task number 1..20, a list \"1,2,5\", or joint (all 20)"),
        option("ten_k", "bool", babi.ten_k, "use en-10k (10,000 training questions per task) instead of en"),
        option("memory_size", "int", babi.memory_size, "most recent statements kept per question"),
        option("data_dir", "string", babi.data_dir,
               "data directory ('': --data-dir, else MANN_DATA, else ./data)"),
        option("include_test_words", "bool", babi.include_test_words, "vocabulary from train and test words"),
        option("valid_fraction", "float", babi.valid_fraction,
               "share of each task's training questions held out")
            .in(from_up_to_excluding(0, 1)),
        option("split_seed", "int", 0, "which questions are held out for validation")}},
      [](const ConfigView& v, DatasetContext& c) -> std::unique_ptr<Dataset> {
        const std::string tasks = v.get<std::string>("task");
        BabiOptions o;
        o.data_dir = c.data_dir.empty() ? v.get<std::string>("data_dir") : c.data_dir;
        o.ten_k = v.get<bool>("ten_k");
        o.memory_size = v.get<int>("memory_size");
        o.include_test_words = v.get<bool>("include_test_words");
        o.valid_fraction = v.get<double>("valid_fraction");
        o.split_seed = static_cast<uint64_t>(v.get<int64_t>("split_seed"));
        if (o.memory_size <= 0) v.fail("memory_size", "must be positive");
        std::vector<int> task_list;
        try {
          task_list = parse_babi_tasks(tasks);
        } catch (const UserError& e) {
          v.fail("task", e.what());  // reported at the config value
        }
        return std::make_unique<QaDataset>(tasks, load_babi(task_list, o));
      });
}

// The canvas of a named variant with the options that override it, each checked as it is applied so that a
// misfit is reported at the option that caused it.
CanvasVariant configured_variant(const ConfigView& v) {
  CanvasVariant variant;
  try {
    variant = canvas_variant_preset(v.get<std::string>("variant"));
  } catch (const UserError& e) {
    v.fail("variant", e.what());  // reported at the config value
  }
  const auto apply = [&](const char* key, int CanvasVariant::*field, int keep_value) {
    const int value = v.get<int>(key);
    if (value == keep_value) return;
    variant.*field = value;
    try {
      check_canvas_variant(variant, kFashionMnistSide, kFashionMnistSide);
    } catch (const UserError& e) {
      v.fail(key, e.what());
    }
  };
  apply("canvas", &CanvasVariant::canvas, 0);
  apply("clutter", &CanvasVariant::clutter, -1);
  apply("piece_size", &CanvasVariant::piece_size, 0);
  return variant;
}

void register_fashion_mnist(Registry& r) {
  const FashionMnistOptions defaults;
  r.add<Dataset, DatasetContext>(
      {"dataset",
       "fashion_mnist",
       "Fashion-MNIST (Xiao et al. 2017): 28x28 greyscale articles in 10 classes, from Debian's "
       "dataset-fashion-mnist; the item at a random place on a larger canvas, with clutter, as in the RAM "
       "paper (Mnih et al. 2014). Valid: the last validation_size training items; test: t10k.",
       {choice_option("variant", "plain", canvas_variant_names(),
                      "plain (28x28), translated60 (60x60), cluttered60 (60x60, 4 pieces), cluttered100 "
                      "(100x100, 8 pieces)"),
        option("canvas", "int", 0, "canvas side in pixels (0: the variant's)").in(between(0, 4096)),
        option("clutter", "int", -1, "clutter pieces per canvas (-1: the variant's)").in(between(-1, 1000)),
        option("piece_size", "int", 0, "side of a clutter piece (0: the variant's, 8)")
            .in(between(0, kFashionMnistSide)),
        option(
            "seed", "int", 0,
            "seeds item places and clutter (not the experiment seed, so every run sees the same canvases)"),
        option("data_dir", "string", defaults.data_dir,
               std::string("data directory ('': --data-dir, else MANN_DATA; then ") + kFashionMnistSystemDir +
                   ")"),
        option("validation_size", "int", defaults.validation_size,
               "training items held out for validation (the last ones of the file)")
            .in(between(1, 59999))}},
      [](const ConfigView& v, DatasetContext& c) -> std::unique_ptr<Dataset> {
        FashionMnistOptions o;
        o.variant = configured_variant(v);
        o.data_dir = c.data_dir.empty() ? v.get<std::string>("data_dir") : c.data_dir;
        o.seed = static_cast<uint64_t>(v.get<int64_t>("seed"));
        o.validation_size = v.get<int>("validation_size");
        return std::make_unique<ImageDataset>("fashion_mnist", v.get<std::string>("variant"),
                                              load_fashion_mnist(o));
      });
}

void register_fashion_scenes(Registry& r) {
  const SceneOptions scenes;
  const FashionMnistOptions fashion;
  r.add<Dataset, DatasetContext>(
      {"dataset",
       "fashion_scenes",
       "Captioned scenes of Fashion-MNIST items (for Show, Attend and Tell): 1..K items on a canvas without "
       "overlap, each scene with reference captions from a small grammar naming every item and where it is "
       "('a sneaker to the left of a bag , and a dress below the bag'). Train scenes show only training "
       "items, valid the last validation_size of them, test only t10k items.",
       {option("canvas", "int", scenes.canvas, "canvas side in pixels").in(between(4, 1024)),
        option("min_items", "int", scenes.min_items, "fewest items per scene").in(between(1, 64)),
        option("max_items", "int", scenes.max_items, "most items per scene").in(between(1, 64)),
        enum_option(
            "layout", scenes.arrangement,
            "random: anywhere without overlap; grid2x2: centred in distinct quadrants (the easy check)"),
        option("item_side", "int", scenes.item_side, "side of an item on the canvas (below 28: shrunk)")
            .in(between(4, kFashionMnistSide)),
        option("references", "int", scenes.references, "distinct reference captions per scene")
            .in(between(kMinReferences, kMaxReferences)),
        enum_option("teacher", scenes.teacher,
                    "the caption batches teach: canonical (reading order) or any reference"),
        option("seed", "int", 0,
               "seeds every scene (not the experiment seed, so every run sees the same scenes)"),
        option("data_dir", "string", fashion.data_dir,
               std::string("data directory ('': --data-dir, else MANN_DATA; then ") + kFashionMnistSystemDir +
                   ")"),
        option("validation_size", "int", fashion.validation_size,
               "training items held out for validation (the last ones of the file)")
            .in(between(1, 59999))}},
      [](const ConfigView& v, DatasetContext& c) -> std::unique_ptr<Dataset> {
        SceneOptions o;
        o.canvas = v.get<int>("canvas");
        o.min_items = v.get<int>("min_items");
        o.max_items = v.get<int>("max_items");
        o.arrangement = v.get<SceneArrangement>("layout");
        o.item_side = v.get<int>("item_side");
        o.references = v.get<int>("references");
        o.teacher = v.get<TeacherCaption>("teacher");
        // Checked before the files are read, and reported at the option to change.
        if (const auto problem = find_scene_option_problem(o, kFashionMnistSide))
          v.fail(problem->option, problem->message);
        const std::string data_dir = c.data_dir.empty() ? v.get<std::string>("data_dir") : c.data_dir;
        return std::make_unique<CaptionedImageDataset>(
            "fashion_scenes",
            SceneCaptionData(load_fashion_mnist_splits(data_dir, v.get<int>("validation_size")), o,
                             static_cast<uint64_t>(v.get<int64_t>("seed"))));
      });
}

void register_corner_square(Registry& r) {
  const CornerSquareOptions d;
  r.add<Dataset, DatasetContext>(
      {"dataset",
       "corner_square",
       "Toy image task: a bright square in one of the four corners of a dark canvas; the class is the "
       "corner. Learned in seconds, for tests and demos of image classifiers and glimpse models.",
       {option("side", "int", d.side, "canvas side in pixels").in(between(8, 512)),
        option("square", "int", d.square, "side of the bright square").in(between(1, 256)),
        option("max_inset", "int", d.max_inset, "largest distance of the square from its corner")
            .in(between(0, 256)),
        option("train_items", "int", d.train_items, "training items").in(between(1, 1000000)),
        option("eval_items", "int", d.eval_items, "validation and test items each").in(between(1, 1000000)),
        option("seed", "int", 0, "seeds the items (not the experiment seed)")}},
      [](const ConfigView& v, DatasetContext&) -> std::unique_ptr<Dataset> {
        CornerSquareOptions o;
        o.side = v.get<int>("side");
        o.square = v.get<int>("square");
        o.max_inset = v.get<int>("max_inset");
        o.train_items = v.get<int>("train_items");
        o.eval_items = v.get<int>("eval_items");
        o.seed = static_cast<uint64_t>(v.get<int64_t>("seed"));
        try {
          return std::make_unique<ImageDataset>("corner_square", "plain", corner_square_data(o));
        } catch (const UserError& e) {
          v.fail("square", e.what());  // the sizes do not fit together
        }
      });
}

void register_seq2seq_tasks(Registry& r) {
  const ReversalTaskOptions reversal;
  r.add<Dataset, DatasetContext>(
      {"dataset", "reversal",
       "Sequence reversal (seq2seq): a random sentence over `symbols` tokens, to be written backwards.",
       with({option("symbols", "int", reversal.symbols, "source vocabulary size")},
            length_options("length", reversal.min_length, reversal.max_length))},
      [](const ConfigView& v, DatasetContext&) -> std::unique_ptr<Dataset> {
        if (v.get<int>("symbols") < 2) v.fail("symbols", "must be >= 2");
        return std::make_unique<Seq2SeqDataset>(std::make_unique<ReversalTask>(
            ReversalTaskOptions{v.get<int>("symbols"), v.get<int>("min_length"), v.get<int>("max_length"),
                                v.get<int>("eval_min_length"), v.get<int>("eval_max_length")}));
      });
  const ToyTranslationTaskOptions translation;
  r.add<Dataset, DatasetContext>(
      {"dataset", "toy_translation",
       "Toy translation (seq2seq): grammar sentences `det adj* noun verb det adj* noun (and ...)*`, a "
       "word-for-word lexicon, adjectives after their noun and the verb at the end of its clause (lengths >= "
       "5).",
       length_options("length", translation.min_length, translation.max_length)},
      [](const ConfigView& v, DatasetContext&) -> std::unique_ptr<Dataset> {
        return std::make_unique<Seq2SeqDataset>(std::make_unique<ToyTranslationTask>(
            ToyTranslationTaskOptions{v.get<int>("min_length"), v.get<int>("max_length"),
                                      v.get<int>("eval_min_length"), v.get<int>("eval_max_length")}));
      });
}

// Parsing as translation (Vinyals et al. 2015): a treebank generated from a grammar or read from files.
void register_treebank(Registry& r) {
  const TreebankTaskOptions task;
  const GeneratedTreebankOptions generated;
  r.add<Dataset, DatasetContext>(
      {"dataset", "treebank",
       "Constituency parsing as seq2seq (Vinyals et al. 2015): words in, the linearised tree `(S (NP XX XX "
       ")NP (VP XX )VP )S` out; scored by labelled bracketing F1 (overall and by length) and the share of "
       "outputs that are not trees. Sentences are generated from a grammar file (corpus: generated; the "
       "shipped grammar is unambiguous, so the reachable F1 is 100) or read from <data dir>/treebank/"
       "{train,valid,test}.mrg (corpus: files; Penn-Treebank bracketing).",
       with({choice_option(
                 "corpus", "generated", {"generated", "files"},
                 "generated (from `grammar`) or files (train/valid/test.mrg under <data dir>/treebank)"),
             option("grammar", "string", std::string(""),
                    "grammar file for corpus: generated ('': the shipped "
                    "datasets/treebank/grammar/english.pcfg)"),
             option("seed", "int", 0, "seeds the generated corpus (not the experiment seed)"),
             option("train_sentences", "int", generated.train_sentences, "generated training sentences")
                 .in(between(1, 10000000)),
             option("valid_sentences", "int", generated.valid_sentences, "generated validation sentences")
                 .in(between(1, 10000000)),
             option("test_sentences", "int", generated.test_sentences, "generated test sentences")
                 .in(between(1, 10000000)),
             option("data_dir", "string", std::string(""),
                    "data directory for corpus: files ('': --data-dir, else MANN_DATA, else ./data)"),
             option("reverse_input", "bool", task.reverse_input,
                    "feed the words last to first (as the paper)"),
             option("length_bucket", "int", task.length_bucket, "width of the length buckets of f1_len_A_B")
                 .in(between(1, 1000))},
            length_options("length", task.min_length, task.max_length))},
      [](const ConfigView& v, DatasetContext& c) -> std::unique_ptr<Dataset> {
        TreebankTaskOptions o;
        o.min_length = v.get<int>("min_length");
        o.max_length = v.get<int>("max_length");
        o.eval_min_length = v.get<int>("eval_min_length");
        o.eval_max_length = v.get<int>("eval_max_length");
        o.reverse_input = v.get<bool>("reverse_input");
        o.length_bucket = v.get<int>("length_bucket");
        const LengthRange train{o.min_length, o.max_length};
        const LengthRange eval = sequence_detail::eval_or_train(o.eval_min_length, o.eval_max_length, train);
        TreebankSplits splits;
        if (v.get<std::string>("corpus") == "files") {
          const std::string chosen = c.data_dir.empty() ? v.get<std::string>("data_dir") : c.data_dir;
          splits = load_treebank_files(resolve_data_dir(chosen) + "/treebank", data_dir_origin(chosen));
        } else {
          const std::string path = v.get<std::string>("grammar");
          Grammar grammar;
          try {
            grammar = path.empty() ? Grammar::parse(builtin_english_grammar(), "english.pcfg (built in)")
                                   : Grammar::load(path);
          } catch (const UserError& e) {
            v.fail("grammar", e.what());
          }
          GeneratedTreebankOptions g;
          g.train_sentences = v.get<int>("train_sentences");
          g.valid_sentences = v.get<int>("valid_sentences");
          g.test_sentences = v.get<int>("test_sentences");
          g.seed = static_cast<uint64_t>(v.get<int64_t>("seed"));
          splits = generate_treebank(grammar, g, train, eval);
        }
        return std::make_unique<Seq2SeqDataset>(std::make_unique<TreebankTask>(std::move(splits), o));
      });
}

// The RL-NTM tasks (Zaremba & Sutskever 2015), one dataset type per task ("rl_copy", "rl_reverse", ...).
void register_rl_tape_tasks(Registry& r) {
  const SymbolTapeTaskOptions d;
  for (const auto& entry : EnumNames<TapeTaskKind>::entries) {
    const TapeTaskKind kind = entry.value;
    const std::string type = "rl_" + std::string(entry.name);
    r.add<Dataset, DatasetContext>(
        {"dataset", type,
         "RL-NTM task " + std::string(entry.name) +
             " (Zaremba & Sutskever 2015): random symbols on an input tape; the output tape must receive "
             "the task's answer, then an end marker. Soft models read it as one-hot steps.",
         with({option("alphabet", "int", d.alphabet, "input symbols (the paper: 30)"),
               option("duplicates", "int", d.duplicates, "duplicated_input: copies of each symbol"),
               option("max_repeats", "int", d.max_repeats, "repeat_copy: the largest repeat count")},
              length_options("length", d.min_length, d.max_length))},
        [kind, type](const ConfigView& v, DatasetContext&) -> std::unique_ptr<Dataset> {
          SymbolTapeTaskOptions o;
          o.kind = kind;
          o.alphabet = v.get<int>("alphabet");
          o.duplicates = v.get<int>("duplicates");
          o.max_repeats = v.get<int>("max_repeats");
          o.min_length = v.get<int>("min_length");
          o.max_length = v.get<int>("max_length");
          o.eval_min_length = v.get<int>("eval_min_length");
          o.eval_max_length = v.get<int>("eval_max_length");
          return std::make_unique<SequenceDataset>(type, std::make_unique<SymbolTapeTask>(o));
        });
  }
}

}  // namespace

void register_datasets(Registry& r) {
  register_rl_tape_tasks(r);
  register_babi(r);
  register_fashion_mnist(r);
  register_fashion_scenes(r);
  register_corner_square(r);
  register_seq2seq_tasks(r);
  register_treebank(r);
  register_cloze_datasets(r);
  const CopyTaskOptions copy;
  r.add<Dataset, DatasetContext>(
      {"dataset", "copy", "NTM copy task: random bit vectors, a delimiter, then reproduce the sequence.",
       with({option("bits", "int", copy.bits, "width of each random vector")},
            length_options("length", copy.min_length, copy.max_length))},
      [](const ConfigView& v, DatasetContext&) -> std::unique_ptr<Dataset> {
        return std::make_unique<SequenceDataset>(
            "copy", std::make_unique<CopyTask>(CopyTaskOptions{
                        v.get<int>("bits"), v.get<int>("min_length"), v.get<int>("max_length"),
                        v.get<int>("eval_min_length"), v.get<int>("eval_max_length")}));
      });
  const RepeatCopyTaskOptions repeat;
  r.add<Dataset, DatasetContext>(
      {"dataset", "repeat_copy",
       "NTM repeat copy: a sequence and a normalised repeat count; output it that many times, then an end "
       "marker.",
       with(with({option("bits", "int", repeat.bits, "width of each random vector")},
                 length_options("length", repeat.min_length, repeat.max_length)),
            length_options("repeats", repeat.min_repeats, repeat.max_repeats))},
      [](const ConfigView& v, DatasetContext&) -> std::unique_ptr<Dataset> {
        return std::make_unique<SequenceDataset>(
            "repeat_copy", std::make_unique<RepeatCopyTask>(RepeatCopyTaskOptions{
                               v.get<int>("bits"), v.get<int>("min_length"), v.get<int>("max_length"),
                               v.get<int>("min_repeats"), v.get<int>("max_repeats"),
                               v.get<int>("eval_min_length"), v.get<int>("eval_max_length"),
                               v.get<int>("eval_min_repeats"), v.get<int>("eval_max_repeats")}));
      });
  const AssociativeRecallTaskOptions recall;
  r.add<Dataset, DatasetContext>(
      {"dataset", "associative_recall",
       "NTM associative recall: items of several vectors, then a query item; answer the item that followed "
       "it.",
       with({option("bits", "int", recall.bits, "width of each vector"),
             option("item_length", "int", recall.item_length, "vectors per item")},
            length_options("items", recall.min_items, recall.max_items))},
      [](const ConfigView& v, DatasetContext&) -> std::unique_ptr<Dataset> {
        return std::make_unique<SequenceDataset>(
            "associative_recall",
            std::make_unique<AssociativeRecallTask>(AssociativeRecallTaskOptions{
                v.get<int>("bits"), v.get<int>("item_length"), v.get<int>("min_items"),
                v.get<int>("max_items"), v.get<int>("eval_min_items"), v.get<int>("eval_max_items")}));
      });
  const PrioritySortTaskOptions priority;
  r.add<Dataset, DatasetContext>(
      {"dataset", "priority_sort",
       "NTM priority sort: vectors with scalar priorities; output the highest-priority ones in order.",
       with({option("bits", "int", priority.bits, "width of each vector"),
             option("output_count", "int", priority.output_count, "vectors to output")},
            length_options("length", priority.min_length, priority.max_length))},
      [](const ConfigView& v, DatasetContext&) -> std::unique_ptr<Dataset> {
        return std::make_unique<SequenceDataset>(
            "priority_sort",
            std::make_unique<PrioritySortTask>(PrioritySortTaskOptions{
                v.get<int>("bits"), v.get<int>("min_length"), v.get<int>("max_length"),
                v.get<int>("output_count"), v.get<int>("eval_min_length"), v.get<int>("eval_max_length")}));
      });
  const SortTaskOptions sort;
  r.add<Dataset, DatasetContext>(
      {"dataset", "sort", "Sort a sequence of integers (bit-encoded) into ascending order.",
       with({option("bits", "int", sort.bits, "bits per number (values in [0, 2^bits))")},
            length_options("length", sort.min_length, sort.max_length))},
      [](const ConfigView& v, DatasetContext&) -> std::unique_ptr<Dataset> {
        return std::make_unique<SequenceDataset>(
            "sort", std::make_unique<SortTask>(SortTaskOptions{
                        v.get<int>("bits"), v.get<int>("min_length"), v.get<int>("max_length"),
                        v.get<int>("eval_min_length"), v.get<int>("eval_max_length")}));
      });
  const RetrievalTaskOptions retrieval;
  r.add<Dataset, DatasetContext>(
      {"dataset",
       "retrieval",
       "Toy key/value retrieval: slots of (key, value) symbols and a query key; answer the key's value.",
       {option("slots", "int", retrieval.slots, "memory slots per example (N)"),
        option("key_vocab", "int", retrieval.key_vocab,
               "key symbols; keys of an example are distinct, so >= slots"),
        option("value_vocab", "int", retrieval.value_vocab, "value symbols")}},
      [](const ConfigView& v, DatasetContext&) -> std::unique_ptr<Dataset> {
        const RetrievalTaskOptions o{v.get<int>("slots"), v.get<int>("key_vocab"), v.get<int>("value_vocab")};
        if (o.slots <= 0) v.fail("slots", "must be positive");
        if (o.key_vocab < o.slots) v.fail("key_vocab", "must be >= slots (keys of an example are distinct)");
        if (o.value_vocab <= 0) v.fail("value_vocab", "must be positive");
        return std::make_unique<RetrievalDataset>(o);
      });
}

}  // namespace mann
