// Tags many documents with one HeidelTime instance, so that the JVM starts and the rules load
// once; run_heideltime.py drives it with Java's source launcher:
//   java -cp de.unihd.dbs.heideltime.standalone.jar HeidelTimeBatch.java CONFIG.props MANIFEST
// Each MANIFEST line is `DCT<TAB>INPUT<TAB>OUTPUT` (DCT as YYYY-MM-DD, files in UTF-8). Each
// input is processed exactly as the standalone command line does (English, news, TreeTagger,
// TimeML output) and written to its output. The seconds spent in HeidelTime's process(),
// file reading and writing excluded, go to standard output as `seconds <s>`.
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.List;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger =
            new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        List<String> jobs = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        long spent = 0;
        for (String job : jobs) {
            String[] fields = job.split("\t");
            String text = Files.readString(Path.of(fields[1]), StandardCharsets.UTF_8);
            long started = System.nanoTime();
            String timeml = tagger.process(text, day.parse(fields[0]));
            spent += System.nanoTime() - started;
            Files.writeString(Path.of(fields[2]), timeml, StandardCharsets.UTF_8);
        }
        System.out.println("seconds " + spent / 1e9);
    }
}
