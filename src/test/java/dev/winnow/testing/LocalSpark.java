package dev.winnow.testing;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark context the Spark tests run on: two local cores, no web UI, bound to 127.0.0.1 (no port opened to the
 * network, and a machine whose host name does not resolve still works), as {@code make spark-local} runs it.
 */
public final class LocalSpark {
    private LocalSpark() {}

    public static JavaSparkContext start() {
        return new JavaSparkContext(conf());
    }

    /** The settings of {@link #start()}, for a test that adds its own (a file system's) before starting. */
    public static SparkConf conf() {
        return new SparkConf()
                .setMaster("local[2]")
                .setAppName("winnow-test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
    }
}
