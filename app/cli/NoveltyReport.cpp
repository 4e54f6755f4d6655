// evaluate's novelty: the share of generated loops that are exact or near
// copies of a training loop (core/library/Novelty.h), and the mean distances.
#include "ModelCommands.h"

#include "core/library/LatentModels.h"
#include "core/library/Novelty.h"

namespace lm::cli {

void writeNovelty(JsonWriter& j, const std::string& modelDir, const ml::LoopModel& model,
                  const std::vector<ml::Roll>& training, const ml::GenerateResult& generated)
{
    LatentSpace space;
    space.model = modelDir;
    space.codes = model.vqvae.settings().codes;
    space.dim = ml::kLatentDim;
    space.codebook = model.vqvae.codebook();
    std::vector<uint16_t> codes;
    for (const ml::CodeSequence& c : model.vqvae.encode(training))
        codes.insert(codes.end(), c.begin(), c.end());
    const NoveltyReference reference(space, training, std::move(codes));
    std::vector<Novelty> measures;
    for (const ml::GeneratedLoop& g : generated.loops) {
        const std::vector<uint16_t> mine(g.codes.begin(), g.codes.end());
        measures.push_back(reference.measure(g.steps, mine.data()));
    }
    const NoveltySummary s = summarise(measures);
    j.key("novelty").beginObject();
    j.key("loops").value(s.loops);
    j.key("exact_copies").value(s.copies);
    j.key("near_copies").value(s.nearCopies);
    j.key("copy_share").value(s.copyShare());
    j.key("near_copy_rule").value("at most 10 % of the cells either loop has on differ (Jaccard distance <= 0.1)");
    j.key("mean_latent_distance").value(s.meanLatent);
    j.key("mean_jaccard_distance").value(s.meanJaccard);
    j.endObject();
}

} // namespace lm::cli
