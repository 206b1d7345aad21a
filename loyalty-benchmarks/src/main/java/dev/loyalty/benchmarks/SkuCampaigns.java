package dev.loyalty.benchmarks;

/**
 * Generates SKU-bonus campaigns as DRL, in the form Drools hashes: one rule per product, a
 * single pattern with a literal {@code sku == "..."}. Campaign {@code k} gives 5 extra points per
 * item of {@code SKU-(7k+3)}, so about one product in seven of the {@link SyntheticShop}'s
 * catalogue has a campaign and the rest target products the shop does not sell.
 */
public final class SkuCampaigns {

    private SkuCampaigns() {
    }

    /**
     * Returns the DRL of {@code count} campaigns, in one file.
     *
     * @param count how many campaigns
     * @return the DRL text
     */
    public static String drl(int count) {
        StringBuilder drl = new StringBuilder(count * 200 + 200);
        drl.append("package dev.loyalty.campaigns.sku;\n\n")
                .append("import dev.loyalty.rules.vocabulary.*;\n\n")
                .append("global dev.loyalty.rules.vocabulary.Earn earn;\n\n");
        for (int k = 0; k < count; k++) {
            String sku = sku(k);
            drl.append("rule \"SKU-BONUS-").append(k).append(' ').append(sku).append("\"\n")
                    .append("    salience 30\n")
                    .append("when\n")
                    .append("    $l : PurchaseLine( sku == \"").append(sku).append("\" )\n")
                    .append("then\n")
                    .append("    earn.pointsPerItem($l, 5, \"5 extra points per item of ").append(sku).append("\");\n")
                    .append("end\n\n");
        }
        return drl.toString();
    }

    /**
     * Returns the product campaign {@code k} targets.
     *
     * @param k the campaign's number, from 0
     * @return the SKU, such as {@code SKU-3}
     */
    public static String sku(int k) {
        return "SKU-" + (7L * k + 3);
    }
}
