/// The two tidy CSV files every run writes from its `Recording`.
///
/// - `timeseries.csv`: `time_s,entity,metric,value`, one row per window of every
///   series, in the recording's (entity, metric) order then time order; `time_s`
///   is the window's start. Undefined values are written `NaN` so each series
///   has exactly one row per window. Loads straight into pandas
///   (`pd.read_csv(...).pivot_table(...)`) or a spreadsheet.
/// - `events.csv`: `time_s,entity,category,from,to,cause`, in time order.
/// Times print in seconds with up to 6 decimals, values with up to 6 decimals,
/// both trimmed: exact for whole-millisecond windows and counts.
public enum RecordingCSV {
    /// The text of `timeseries.csv`.
    public static func timeseries(_ recording: Recording) -> String {
        var csv = CSVWriter(header: ["time_s", "entity", "metric", "value"])
        for item in recording.series {
            for (index, value) in item.values.enumerated() {
                csv.appendRow([seconds(recording.windowStart(index)), item.entity, item.metric, NumberFormat.trimmed(value, maxDecimals: 6)])
            }
        }
        return csv.text
    }

    /// The text of `events.csv`.
    public static func events(_ recording: Recording) -> String {
        var csv = CSVWriter(header: ["time_s", "entity", "category", "from", "to", "cause"])
        for event in recording.events {
            csv.appendRow([seconds(event.time), event.entity, event.category.rawValue, event.from, event.to, event.cause])
        }
        return csv.text
    }

    /// A time in seconds with up to 6 decimals (microseconds).
    static func seconds(_ time: SimTime) -> String {
        NumberFormat.trimmed(time.seconds, maxDecimals: 6)
    }
}
