namespace SocialInfra.Networks;

/// <summary>
/// Members as nodes and relationships as undirected links (two members linked in several ways are one connection),
/// with the usual measures of who is central: degree and betweenness.
/// </summary>
public sealed class NetworkGraph<TNode> where TNode : notnull
{
    private readonly Dictionary<TNode, HashSet<TNode>> _neighbours = [];

    public NetworkGraph(IEnumerable<TNode> nodes, IEnumerable<(TNode From, TNode To)> links)
    {
        foreach (var node in nodes)
        {
            _neighbours.TryAdd(node, []);
        }
        foreach (var (from, to) in links)
        {
            if (EqualityComparer<TNode>.Default.Equals(from, to) || !_neighbours.ContainsKey(from) || !_neighbours.ContainsKey(to))
            {
                continue;
            }
            _neighbours[from].Add(to);
            _neighbours[to].Add(from);
        }
    }

    public IReadOnlyCollection<TNode> Nodes => _neighbours.Keys;

    /// <summary>Pairs of members linked by at least one relationship.</summary>
    public int Connections => _neighbours.Values.Sum(n => n.Count) / 2;

    /// <summary>Connections as a share of all possible pairs; null with fewer than two members.</summary>
    public double? Density => Nodes.Count < 2 ? null : Connections / (Nodes.Count * (Nodes.Count - 1) / 2.0);

    public IReadOnlySet<TNode> Neighbours(TNode node) => _neighbours[node];

    /// <summary>How many other members a member is linked to.</summary>
    public int Degree(TNode node) => _neighbours[node].Count;

    /// <summary>Members with no relationship at all.</summary>
    public IEnumerable<TNode> Isolated => _neighbours.Where(n => n.Value.Count == 0).Select(n => n.Key);

    /// <summary>
    /// For each member, over every pair of other members, the share of the pair's shortest paths that pass through it
    /// (Brandes' algorithm on the undirected graph; each pair counted once).
    /// </summary>
    public Dictionary<TNode, double> Betweenness()
    {
        // Nodes by index and neighbours as arrays: the borough's graph of every network has a thousand nodes and more.
        var nodes = _neighbours.Keys.ToList();
        var index = nodes.Select((node, i) => (node, i)).ToDictionary(x => x.node, x => x.i);
        var adjacent = nodes.Select(n => _neighbours[n].Select(m => index[m]).ToArray()).ToArray();
        var count = nodes.Count;
        var centrality = new double[count];
        var paths = new double[count];
        var distance = new int[count];
        var dependency = new double[count];
        var predecessors = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        var order = new int[count];
        var queue = new int[count];
        for (var source = 0; source < count; source++)
        {
            Array.Fill(paths, 0);
            Array.Fill(distance, -1);
            Array.Fill(dependency, 0);
            foreach (var list in predecessors)
            {
                list.Clear();
            }
            paths[source] = 1;
            distance[source] = 0;
            int head = 0, tail = 0, visited = 0;
            queue[tail++] = source;
            while (head < tail)
            {
                var v = queue[head++];
                order[visited++] = v;
                foreach (var w in adjacent[v])
                {
                    if (distance[w] < 0)
                    {
                        distance[w] = distance[v] + 1;
                        queue[tail++] = w;
                    }
                    if (distance[w] == distance[v] + 1)
                    {
                        paths[w] += paths[v];
                        predecessors[w].Add(v);
                    }
                }
            }
            // Farthest first, so each node's dependency is complete before it is passed back.
            for (var i = visited - 1; i > 0; i--)
            {
                var w = order[i];
                foreach (var v in predecessors[w])
                {
                    dependency[v] += paths[v] / paths[w] * (1 + dependency[w]);
                }
                centrality[w] += dependency[w];
            }
        }
        // Each unordered pair was counted from both ends.
        return nodes.Select((node, i) => (node, i)).ToDictionary(x => x.node, x => centrality[x.i] / 2);
    }
}
