package io.newsstance.batch;

import io.newsstance.StanceClassifier;
import io.newsstance.actors.ActorDictionary;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** How an executor restores the classifier from the broadcast bytes. */
final class ClassifierLoader implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String modelName;
    private final String actorsName;
    private final int threads;

    ClassifierLoader(String modelName, String actorsName, int threads) {
        this.modelName = modelName;
        this.actorsName = actorsName;
        this.threads = threads;
    }

    StanceClassifier load(byte[] modelBytes, String actorsCsv) {
        ActorDictionary dictionary = ActorDictionary.loadDefault();
        if (!actorsCsv.isEmpty()) {
            dictionary = dictionary.withOverrides(actorsCsv, actorsName);
        }
        int n = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
        return StanceClassifier.load(modelBytes, modelName, dictionary, n);
    }

    /**
     * Scoring threads per executor JVM: spark.executor.cores; in local mode the local cores; on YARN and Kubernetes
     * (one core per executor unless set) 1; else (standalone: all cores of the worker) 0 = the executor's processors.
     */
    static int defaultThreads(SparkSession spark) {
        if (spark.sparkContext().isLocal()) {
            return Math.max(1, spark.sparkContext().defaultParallelism());
        }
        SparkConf conf = spark.sparkContext().getConf();
        if (conf.contains("spark.executor.cores")) {
            return Math.max(1, conf.getInt("spark.executor.cores", 1));
        }
        String master = spark.sparkContext().master();
        return master.startsWith("yarn") || master.startsWith("k8s") ? 1 : 0;
    }
}
