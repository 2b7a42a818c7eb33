using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Ploughing.Tracks;

namespace SmartOverhalla.Ploughing.Matching;

/// <summary>
/// Matches a vehicle's GPS track to the roads it drove (Newson and Krumm 2009): a hidden Markov model whose states are
/// the candidate road positions near each fix, whose emissions weigh GPS error and heading, and whose transitions
/// prefer a way along the roads about as long as the straight line between the fixes (continuity along the network).
/// The most likely sequence (Viterbi) gives each fix its road. A fix with no road near it, or none the vehicle could have
/// reached since its last matched fix, or too imprecise (HDOP above <see cref="MapMatchingSettings.MaxHdop"/>), is
/// unmatched; a few such in a row are GPS glitches, more (the plough left the network) or a silence longer than
/// <see cref="MapMatchingSettings.MaxGap"/> cut the track into pieces matched on their own.
/// The result depends only on the fixes given, so a window matched again with late fixes added replaces the old result.
/// </summary>
public sealed class MapMatcher
{
    private readonly MapMatchingSettings _settings;
    private readonly RoadGraph _graph;
    private readonly CandidateFinder _candidates;
    private readonly RouteFinder _routes;

    public MapMatcher(RoadNetwork network, MapMatchingSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        _settings = (settings ?? MapMatchingSettings.Default).Validated();
        _graph = new RoadGraph(network);
        _candidates = new CandidateFinder(network, _graph, _settings);
        _routes = new RouteFinder(_graph);
    }

    /// <summary>Matches one vehicle's fixes; they are taken in time order, one per timestamp (a re-delivered fix counts once).</summary>
    public MatchedTrack Match(IEnumerable<TrackPoint> track)
    {
        ArgumentNullException.ThrowIfNull(track);
        var points = track.OrderBy(p => p.Time).DistinctBy(p => p.Time).ToArray();
        if (points.Length == 0)
        {
            return MatchedTrack.Empty;
        }

        var matched = new MatchedPoint[points.Length];
        var legs = new List<TrackLeg>();
        var chain = new List<Step>();
        var glitches = 0;
        for (var i = 0; i < points.Length; i++)
        {
            var fix = Fix.Of(points[i], _settings);
            var candidates = IsUsable(points[i]) ? _candidates.Find(fix) : [];
            var (step, gap) = candidates.Length > 0 && chain.Count > 0
                ? Follow(chain[^1], points[chain[^1].Point], i, points[i], fix, candidates)
                : (null, false);
            if (candidates.Length == 0 || (chain.Count > 0 && step is null && !gap))
            {
                // Off the network, or nowhere the vehicle could have got to from its last matched fix (a fix far off
                // that happens to lie near another road): a GPS glitch, unless there are too many in a row.
                matched[i] = new MatchedPoint(points[i], null, 0, double.NaN);
                if (++glitches <= _settings.MaxOffNetworkFixes)
                {
                    continue;
                }

                Close(chain, points, matched, legs);
                if (candidates.Length == 0)
                {
                    continue;
                }
            }
            else if (gap)
            {
                Close(chain, points, matched, legs);
            }

            glitches = 0;
            chain.Add(step ?? Start(i, fix, candidates));
        }

        Close(chain, points, matched, legs);
        return new MatchedTrack(matched, legs);
    }

    /// <summary>A fix whose position can be matched at all: finite, and not so imprecise that any road would do.</summary>
    private bool IsUsable(TrackPoint point) =>
        double.IsFinite(point.Lat) && double.IsFinite(point.Lon)
        && (point.Hdop is not { } hdop || (double.IsFinite(hdop) && hdop <= _settings.MaxHdop));

    private static Step Start(int point, Fix fix, Candidate[] candidates) =>
        new(point, fix, candidates, [.. candidates.Select(c => c.LogEmission)], [.. candidates.Select(_ => -1)]);

    /// <summary>
    /// The Viterbi step from <paramref name="previous"/> to fix <paramref name="point"/>; no step when no candidate can be
    /// reached, and <c>Gap</c> when the silence since the previous fix is too long to follow across.
    /// </summary>
    private (Step? Step, bool Gap) Follow(Step previous, TrackPoint previousPoint, int point, TrackPoint current, Fix fix, Candidate[] candidates)
    {
        var seconds = (current.Time - previousPoint.Time).TotalSeconds;
        if (seconds > _settings.MaxGap.TotalSeconds)
        {
            return (null, true);
        }

        var straight = previous.Fix.Utm.Distance(fix.Utm);
        var limit = RouteLimit(seconds, previousPoint, current, previous.Fix, fix);
        if (straight > limit)
        {
            return (null, false);
        }

        _routes.NextStep();
        var scores = new double[candidates.Length];
        var back = new int[candidates.Length];
        var any = false;
        for (var j = 0; j < candidates.Length; j++)
        {
            scores[j] = double.NegativeInfinity;
            back[j] = -1;
            for (var k = 0; k < previous.Candidates.Length; k++)
            {
                if (double.IsNegativeInfinity(previous.Scores[k]))
                {
                    continue;
                }

                var route = _routes.Metres(previous.Candidates[k], candidates[j], limit);
                if (double.IsInfinity(route))
                {
                    continue;
                }

                var score = previous.Scores[k] - Math.Abs(route - straight) / _settings.RouteDifferenceBetaMetres;
                if (score > scores[j])
                {
                    scores[j] = score;
                    back[j] = k;
                }
            }

            if (back[j] >= 0)
            {
                scores[j] += candidates[j].LogEmission;
                any = true;
            }
        }

        if (!any)
        {
            return (null, false);
        }

        // Scores only compare within a step: keep them near 0 over a long track.
        var best = scores.Max();
        for (var j = 0; j < scores.Length; j++)
        {
            scores[j] -= best;
        }

        return (new Step(point, fix, candidates, scores, back), false);
    }

    /// <summary>
    /// The longest way along the roads a vehicle can have driven between two fixes: at the speed it reported (with a
    /// margin, as it may have sped up in between; <see cref="MapMatchingSettings.MaxSpeedKmh"/> when it reported none), plus
    /// twice both fixes' GPS error. A fix farther than that from the last one is a glitch, even beside a road.
    /// </summary>
    private double RouteLimit(double seconds, TrackPoint from, TrackPoint to, Fix fromFix, Fix toFix)
    {
        var kmh = from.SpeedKmh is { } a && to.SpeedKmh is { } b && double.IsFinite(a) && double.IsFinite(b)
            ? Math.Min(_settings.MaxSpeedKmh, (Math.Max(a, b) * _settings.SpeedMarginFactor) + _settings.SpeedMarginKmh)
            : _settings.MaxSpeedKmh;
        return (kmh / 3.6 * seconds) + (2 * (fromFix.SigmaMetres + toFix.SigmaMetres));
    }

    /// <summary>Ends the piece of track in <paramref name="chain"/>: the most likely positions back from its end, and the legs between them.</summary>
    private void Close(List<Step> chain, TrackPoint[] points, MatchedPoint[] matched, List<TrackLeg> legs)
    {
        if (chain.Count == 0)
        {
            return;
        }

        var chosen = new int[chain.Count];
        var last = chain[^1].Scores;
        chosen[^1] = Array.IndexOf(last, last.Max());
        for (var s = chain.Count - 1; s > 0; s--)
        {
            chosen[s - 1] = chain[s].Back[chosen[s]];
        }

        // The ways of the chosen pairs share nodes from leg to leg: one cache for all of them.
        _routes.NextStep();
        for (var s = 0; s < chain.Count; s++)
        {
            var step = chain[s];
            var candidate = step.Candidates[chosen[s]];
            matched[step.Point] = new MatchedPoint(points[step.Point], _graph.Segments[candidate.Segment], candidate.OffsetMetres, candidate.DistanceMetres);
            if (s > 0)
            {
                var previous = chain[s - 1];
                var seconds = (points[step.Point].Time - points[previous.Point].Time).TotalSeconds;
                var pieces = _routes.Pieces(previous.Candidates[chosen[s - 1]], candidate, RouteLimit(seconds, points[previous.Point], points[step.Point], previous.Fix, step.Fix));
                legs.Add(new TrackLeg(previous.Point, step.Point, pieces));
            }
        }

        chain.Clear();
    }

    /// <summary>One fix in the Viterbi lattice: its candidates, the best log-score ending in each, and the candidate before it.</summary>
    private sealed record Step(int Point, Fix Fix, Candidate[] Candidates, double[] Scores, int[] Back);
}
