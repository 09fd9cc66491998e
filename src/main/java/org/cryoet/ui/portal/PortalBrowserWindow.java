package org.cryoet.ui.portal;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextField;
import javax.swing.JTree;
import javax.swing.ListSelectionModel;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;

import org.cryoet.portal.api.Facets;
import org.cryoet.portal.api.PortalClient;
import org.cryoet.portal.api.PortalDataset;
import org.cryoet.portal.api.PortalRun;
import org.cryoet.portal.api.SearchHit;

/**
 * The portal browser: search and filters on top; datasets (with thumbnails),
 * the chosen dataset's runs and the chosen run's tree side by side; buttons
 * to open and to copy URLs below, and a status line where progress and
 * errors appear. Every request runs on a SwingWorker.
 */
public final class PortalBrowserWindow implements BrowserController.View {

	public static final String TITLE = "CryoET Portal Browser";

	private final JFrame frame = new JFrame(TITLE);
	private final JTextField searchField = new JTextField(24);
	private final JComboBox<String> organism = new JComboBox<>();
	private final JComboBox<String> object = new JComboBox<>();
	private final DefaultListModel<SearchHit> datasets = new DefaultListModel<>();
	private final JList<SearchHit> datasetList = new JList<>(datasets);
	private final DefaultListModel<PortalRun> runs = new DefaultListModel<>();
	private final JList<PortalRun> runList = new JList<>(runs);
	private final JTree tree = new JTree(new DefaultTreeModel(new DefaultMutableTreeNode("(choose a run)")));
	private final JLabel status = new JLabel(" ");
	private final ThumbnailLoader thumbnails = new ThumbnailLoader();
	private final BrowserController controller;

	public PortalBrowserWindow(final PortalClient client, final CommandLauncher launcher) {
		controller = new BrowserController(client, new SwingAsync(), launcher, this);
		build();
	}

	private void build() {
		organism.setEditable(true);
		object.setEditable(true);
		organism.setPrototypeDisplayValue("Schizosaccharomyces pombe 972h-");
		object.setPrototypeDisplayValue("cytoplasmic ribosome complex");
		final JButton search = new JButton("Search");
		search.addActionListener(e -> search());
		searchField.addActionListener(e -> search());
		final JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT));
		top.add(new JLabel("Search:"));
		top.add(searchField);
		top.add(new JLabel("Organism:"));
		top.add(organism);
		top.add(new JLabel("Object:"));
		top.add(object);
		top.add(search);

		datasetList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
		datasetList.setCellRenderer(new DefaultListCellRenderer() {

			private static final long serialVersionUID = 1L;

			@Override
			public Component getListCellRendererComponent(final JList<?> list, final Object value, final int index,
				final boolean selected, final boolean focus)
			{
				final SearchHit h = (SearchHit) value;
				final PortalDataset d = h.dataset;
				final String text = "<html><b>" + d.id + "</b> " + escape(d.title) + "<br>" + escape(d.organism == null
					? "organism not given" : d.organism) + " &middot; " + d.runCount + (d.runCount == 1 ? " run" : " runs") +
					(h.matchedIn.isEmpty() ? "" : " &middot; matched: " + escape(String.join(", ", h.matchedIn))) + "</html>";
				super.getListCellRendererComponent(list, text, index, selected, focus);
				setIcon(thumbnails.get(d.thumbnailUrl, datasetList::repaint));
				setIconTextGap(8);
				return this;
			}
		});
		datasetList.setFixedCellHeight(ThumbnailLoader.SIZE + 8);
		datasetList.addListSelectionListener(e -> {
			if (!e.getValueIsAdjusting() && datasetList.getSelectedValue() != null) {
				runs.clear();
				tree.setModel(new DefaultTreeModel(new DefaultMutableTreeNode("(choose a run)")));
				controller.selectDataset(datasetList.getSelectedValue().dataset);
			}
		});
		runList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
		runList.setCellRenderer(new DefaultListCellRenderer() {

			private static final long serialVersionUID = 1L;

			@Override
			public Component getListCellRendererComponent(final JList<?> list, final Object value, final int index,
				final boolean selected, final boolean focus)
			{
				final PortalRun r = (PortalRun) value;
				return super.getListCellRendererComponent(list, r.name + "  (" + BrowserController.count(r.tomograms().size(), "tomogram") +
					", " + BrowserController.count(r.annotationCount, "annotation") + ")", index, selected, focus);
			}
		});
		runList.addListSelectionListener(e -> {
			if (!e.getValueIsAdjusting() && runList.getSelectedValue() != null) controller.selectRun(runList
				.getSelectedValue());
		});

		final JSplitPane right = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, titled(new JScrollPane(runList), "Runs"),
			titled(new JScrollPane(tree), "Run"));
		right.setResizeWeight(0.3);
		final JSplitPane center = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, titled(new JScrollPane(datasetList),
			"Datasets"), right);
		center.setResizeWeight(0.35);

		final JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT));
		buttons.add(button("Open tomogram", () -> controller.openTomogram(selection())));
		buttons.add(button("Open masks", () -> controller.openMasks(selection())));
		buttons.add(button("Import points", () -> controller.importPoints(selection())));
		buttons.add(button("Copy S3 URL", () -> copy(true)));
		buttons.add(button("Copy HTTPS URL", () -> copy(false)));
		final JPanel bottom = new JPanel(new BorderLayout());
		bottom.add(buttons, BorderLayout.NORTH);
		status.setBorder(BorderFactory.createEmptyBorder(2, 6, 4, 6));
		bottom.add(status, BorderLayout.SOUTH);

		frame.getContentPane().add(top, BorderLayout.NORTH);
		frame.getContentPane().add(center, BorderLayout.CENTER);
		frame.getContentPane().add(bottom, BorderLayout.SOUTH);
		frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
		frame.addWindowListener(new WindowAdapter() {

			@Override
			public void windowClosed(final WindowEvent e) {
				thumbnails.close();
			}
		});
		frame.setPreferredSize(new Dimension(1200, 700));
		frame.pack();
	}

	private static JScrollPane titled(final JScrollPane p, final String title) {
		p.setBorder(BorderFactory.createTitledBorder(title));
		return p;
	}

	private static JButton button(final String label, final Runnable action) {
		final JButton b = new JButton(label);
		b.addActionListener(e -> action.run());
		return b;
	}

	private static String escape(final String s) {
		return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** Shows the window and starts the first search (everything, newest first) and the filters' values. */
	public void show() {
		frame.setLocationByPlatform(true);
		frame.setVisible(true);
		controller.loadFacets();
		search();
	}

	public JFrame frame() {
		return frame;
	}

	// for the GUI test
	JList<SearchHit> datasetList() {
		return datasetList;
	}

	JList<PortalRun> runList() {
		return runList;
	}

	JTree tree() {
		return tree;
	}

	JLabel statusLabel() {
		return status;
	}

	JTextField searchField() {
		return searchField;
	}

	private void search() {
		controller.search(searchField.getText(), (String) organism.getEditor().getItem(), (String) object.getEditor()
			.getItem());
	}

	private Object selection() {
		final Object n = tree.getLastSelectedPathComponent();
		if (n instanceof DefaultMutableTreeNode && ((DefaultMutableTreeNode) n)
			.getUserObject() instanceof RunTreeBuilder.Item) return ((RunTreeBuilder.Item) ((DefaultMutableTreeNode) n)
				.getUserObject()).value;
		return controller.currentRun();
	}

	private void copy(final boolean s3) {
		final Object sel = tree.getLastSelectedPathComponent() == null && controller.currentRun() == null && datasetList
			.getSelectedValue() != null ? datasetList.getSelectedValue().dataset : selection();
		final String text = OpenActions.urls(sel, s3);
		if (text.isEmpty()) {
			status(s3 ? "no S3 URL for this" : "no HTTPS URL for this", true);
			return;
		}
		Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
		status("copied " + text.replace('\n', ' '), false);
	}

	@Override
	public void showFacets(final Facets facets) {
		fill(organism, facets.organisms);
		fill(object, facets.objects);
	}

	private static void fill(final JComboBox<String> box, final List<String> values) {
		final Object typed = box.getEditor().getItem();
		final DefaultComboBoxModel<String> m = new DefaultComboBoxModel<>();
		m.addElement("");
		values.forEach(m::addElement);
		box.setModel(m);
		box.getEditor().setItem(typed);
	}

	@Override
	public void showDatasets(final List<SearchHit> hits) {
		datasets.clear();
		runs.clear();
		clearRun();
		hits.forEach(datasets::addElement);
	}

	/** No run's tree stays on screen once its dataset is gone from the lists. */
	private void clearRun() {
		tree.setModel(new DefaultTreeModel(new javax.swing.tree.DefaultMutableTreeNode("")));
	}

	@Override
	public void showRuns(final PortalDataset dataset, final List<PortalRun> list) {
		runs.clear();
		clearRun();
		list.forEach(runs::addElement);
	}

	@Override
	public void showRun(final PortalRun run) {
		tree.setModel(new DefaultTreeModel(RunTreeBuilder.build(run)));
		for (int i = 0; i < tree.getRowCount(); i++)
			tree.expandRow(i);
	}

	@Override
	public void status(final String message, final boolean error) {
		status.setForeground(error ? new Color(0xB00020) : Color.DARK_GRAY);
		status.setText(message);
	}
}
